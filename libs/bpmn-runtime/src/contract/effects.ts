// Outputs of the interpreter: what the engine must persist or do, in the order it happened.
import type { Variables } from './state.js';

/**
 * `stageflow:assignment` of a user task: the decision of its assignment rule set (evaluated
 * through InterpretOptions.decide), which the engine resolves to a user — or to the unsorted
 * queue — in the same transaction as the command.
 */
export interface TaskAssignment {
  /** The rule-set key. */
  ruleSet: string;
  /** The rule set's result, or null when no rule matched and it has no fallback. */
  decision: { strategy: string; team?: string; skills?: string[] } | null;
}

export type Effect =
  | {
      type: 'ElementEntered';
      elementId: string;
      elementType: string;
      /** `stageflow:stage` of the element, when it has one (the pipeline stage the instance enters). */
      stage?: string;
    }
  | {
      type: 'ElementLeft';
      elementId: string;
      elementType: string;
      /** `stageflow:stage` of the element, when it has one (the pipeline stage the instance leaves). */
      stage?: string;
    }
  | { type: 'FlowTaken'; elementId: string; elementType: 'bpmn:SequenceFlow' }
  | {
      type: 'TaskCreated';
      taskId: string;
      elementId: string;
      name?: string;
      assignee?: string;
      candidateGroups: string[];
      /** ISO 8601 instant, computed from the due-date expression and `now`. */
      dueAt?: string;
      priority?: number;
      formKey?: string;
      /** Set when the task has `stageflow:assignment` and no `stageflow:assignee` gave a user. */
      assignment?: TaskAssignment;
      /** Variables visible to the task when it was created (for forms). */
      variables: Variables;
    }
  | { type: 'TaskCompleted'; taskId: string; elementId: string; variables: Variables }
  | { type: 'TaskCancelled'; taskId: string; elementId: string }
  | {
      type: 'VariablesChanged';
      changes: Variables;
      /** The element whose completion or output mapping wrote the variables (absent for start variables). */
      elementId?: string;
      /** The scope instance written to; absent for the instance scope (`state.variables`). */
      scopeId?: string;
    }
  /**
   * A timer the engine must fire with `fireTimer` at `dueAt` (computed from the command's
   * `now`, which the engine takes from the database clock). A repeating timer emits a new
   * TimerScheduled each time it fires, until its repetitions run out.
   */
  | { type: 'TimerScheduled'; timerId: string; elementId: string; dueAt: string }
  /** The timer's token left (task done, other event won, scope ended): drop its job. */
  | { type: 'TimerCancelled'; timerId: string; elementId: string }
  /** A token waits for a message; `correlationKey` is the evaluated `stageflow:correlationKey`. */
  | {
      type: 'MessageSubscribed';
      subscriptionId: string;
      elementId: string;
      messageName: string;
      correlationKey?: string;
    }
  | { type: 'MessageSubscriptionClosed'; subscriptionId: string; elementId: string }
  /** A token waits for a signal (broadcast by name). */
  | { type: 'SignalSubscribed'; subscriptionId: string; elementId: string; signalName: string }
  | { type: 'SignalSubscriptionClosed'; subscriptionId: string; elementId: string }
  /** A message end/throw event or send task: for integrations (an outbox entry). */
  | {
      type: 'MessageThrown';
      elementId: string;
      messageName: string;
      correlationKey?: string;
      variables: Variables;
    }
  /** A signal end/throw event: the engine broadcasts it to every subscription and signal start event. */
  | { type: 'SignalThrown'; elementId: string; signalName: string; variables: Variables }
  /** A call activity starts the latest version of `processKey`; its end comes back as completeCalledProcess. */
  | {
      type: 'CalledProcessStarted';
      callId: string;
      elementId: string;
      processKey: string;
      businessKey?: string;
      variables: Variables;
    }
  /** The call activity was interrupted or its scope ended: the engine cancels the child. */
  | { type: 'CalledProcessCancelled'; callId: string; elementId: string }
  /**
   * A service task (or send task with stageflow:action) waits for the action template
   * `actionKey` to run over `variables` (those visible in the task's scope); the engine reports
   * back with completeAction or failAction.
   */
  | { type: 'ActionRequested'; actionId: string; elementId: string; actionKey: string; variables: Variables }
  /** The service task was interrupted or its scope ended: the action must not run any more. */
  | { type: 'ActionCancelled'; actionId: string; elementId: string }
  /** `stageflow:async`: the engine commits, then runs `continueAsync` from a job. */
  | { type: 'AsyncContinuationScheduled'; continuationId: string; elementId: string }
  /**
   * A BPMN error reached the top of the instance without a catching boundary or event
   * subprocess. The token is parked in an incident (IncidentRaised follows); a called
   * process's engine forwards it to the parent as failCalledProcess.
   */
  | { type: 'ErrorUncaught'; elementId: string; errorCode: string; message?: string }
  /**
   * An escalation reached the top of the instance without a catching boundary or event
   * subprocess. The thrower goes on (nothing is parked); a called process's engine forwards it
   * to the parent as escalateCalledProcess, where it is thrown at the call activity.
   */
  | { type: 'EscalationUncaught'; elementId: string; escalationCode: string }
  | { type: 'IncidentRaised'; incidentId: string; elementId?: string; message: string }
  | { type: 'IncidentResolved'; incidentId: string; elementId?: string }
  | { type: 'InstanceCompleted' }
  | { type: 'InstanceTerminated'; elementId?: string }
  | { type: 'InstanceCancelled' };

export type EffectType = Effect['type'];
