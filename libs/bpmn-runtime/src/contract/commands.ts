// Inputs of the interpreter: each command runs the instance's tokens until every token waits.
//
// Waits the outside world resolves carry the id the interpreter gave them in an effect:
// a task (TaskCreated.taskId), a timer (TimerScheduled.timerId), a message subscription
// (MessageSubscribed.subscriptionId), an async continuation (AsyncContinuationScheduled),
// a called process (CalledProcessStarted.callId), an action (ActionRequested.actionId) and an
// incident (IncidentRaised.incidentId).
// The engine keeps those ids beside the instance so that it can route a job, a message or a
// child's end back to the waiting token; an id that no longer waits is rejected
// (CommandRejectedError), which lets a retried job be a harmless no-op.
import type { Variables } from './state.js';

export type Command =
  | {
      type: 'start';
      variables?: Variables;
      businessKey?: string;
      /** The start event to begin at (a timer, message or signal start event); the none start event when absent. */
      startEventId?: string;
    }
  | {
      type: 'completeTask';
      taskId: string;
      variables?: Variables;
      /**
       * The username of who completed it (the engine's caller; absent for the engine itself):
       * written to the task's `stageflow:completedByVariable`, over any variable of that name given.
       */
      completedBy?: string;
    }
  | { type: 'cancel' }
  /** A timer is due: moves the token of a timer catch, boundary or event-based gateway. */
  | { type: 'fireTimer'; timerId: string }
  /** A message matched this subscription (by name and correlation key). */
  | { type: 'correlateMessage'; subscriptionId: string; variables?: Variables }
  /** A signal was broadcast: triggers every open subscription of the instance with that name. */
  | { type: 'deliverSignal'; signalName: string; variables?: Variables }
  /** Runs the activity that `stageflow:async="true"` parked before it, in its own transaction. */
  | { type: 'continueAsync'; continuationId: string }
  /** The process a call activity started has completed; `variables` are the child's instance variables. */
  | { type: 'completeCalledProcess'; callId: string; variables: Variables }
  /** The called process ended with a BPMN error it did not catch; it is thrown at the call activity. */
  | { type: 'failCalledProcess'; callId: string; errorCode: string; message?: string }
  /**
   * The called process threw an escalation it did not catch (EscalationUncaught); it is thrown
   * at the call activity, which keeps waiting unless an interrupting boundary takes it.
   */
  | { type: 'escalateCalledProcess'; callId: string; escalationCode: string }
  /**
   * The action a service task requested has run: `variables` (e.g. of a setVariables action)
   * are written as a completed task's are, and the task leaves.
   */
  | { type: 'completeAction'; actionId: string; variables?: Variables }
  /** The action failed with a business error: a BPMN error `errorCode` is thrown at the service task. */
  | { type: 'failAction'; actionId: string; errorCode: string; message?: string }
  /**
   * Sets instance variables from outside any element (an `actions` rule set's setVariables, run
   * on a process event): they are written to the instance scope; no token moves.
   */
  | { type: 'setVariables'; variables: Variables }
  /** Resolves an interpreter incident: the parked token runs its element again. */
  | { type: 'retryIncident'; incidentId: string };

export type CommandType = Command['type'];
