// Turns the interpreter's effects into the rows one command writes: pure, so it is tested
// without a database.
import type { Command, Effect, JsonValue, TaskAssignment, Variables } from '@stageflow/bpmn-runtime';
import type { TaskAssignmentRecord } from '../assignment/task-assignment-record.js';
import { emptyCorrelationPlan, planCorrelation, type CorrelationPlan } from '../correlation/correlation-plan.js';
import type { HistoryEventKind } from '../process-instances/history.row.js';
import type { IncidentKind } from '../incidents/incident.row.js';
import type { JobRequest } from '../../platform/jobs/job-request.js';
import { asyncJob, timerJob, timerJobKey } from './engine-jobs.js';
import { actionJobKey, runActionJob } from '../actions/action-jobs.js';
import { processEventJobs, processEventsOf } from '../process-events/process-events.js';

/** The variable a user task's territory is read from for territoryOwner (docs/rules.md#assignment). */
export const TERRITORY_VARIABLE = 'territory';

export interface NewTaskRow {
  id: string;
  elementId: string;
  name: string | null;
  assignee: string | null;
  candidateGroups: string[];
  dueAt: string | null;
  priority: number | null;
  formKey: string | null;
  variables: Variables;
  /**
   * `stageflow:assignment`: the rule set's decision and the task's `territory` variable, turned
   * into a user (or the unsorted queue) in the command's transaction before the write (assignNewTasks).
   */
  assignment?: TaskAssignment & { territory: JsonValue | undefined };
  /** How the task was assigned by strategy, once resolved: stored with the task. */
  assignedBy?: TaskAssignmentRecord;
}

export interface HistoryRow {
  elementId: string | null;
  elementType: string | null;
  event: HistoryEventKind;
  payload: Record<string, unknown> | null;
}

export interface IncidentRow {
  /** The interpreter's incident id (so retryIncident can name it); absent for engine incidents. */
  id?: string;
  elementId: string | null;
  kind: IncidentKind;
  message: string;
}

export interface EffectsPlan {
  newTasks: NewTaskRow[];
  completedTaskIds: string[];
  cancelledTaskIds: string[];
  history: HistoryRow[];
  incidents: IncidentRow[];
  /** Elements holding a token after the command, one entry per token. */
  activeElementIds: string[];
  /** Jobs added with the command (timers, async continuations), written in its statement. */
  jobs: JobRequest[];
  /** Process events for `actions` rule sets: written only when such a rule set is deployed (checked in the statement). */
  processEventJobs: JobRequest[];
  /** Keys of jobs the command removes (cancelled timers). */
  cancelledJobKeys: string[];
  /** Interpreter incidents the command resolved (retryIncident). */
  resolvedIncidentIds: string[];
  /** Message and signal subscriptions, outbox rows and called processes (correlation/correlation-sql.ts). */
  correlation: CorrelationPlan;
}

/** What the plan needs to know about the instance the effects belong to. */
export interface PlanContext {
  instanceId: string;
  /** The call activity that started the instance, when it is a called process. */
  parent?: { instanceId: string; callId: string } | null;
  /** The command that produced the effects. */
  command?: Command;
}

function removeOne(list: string[], value: string): void {
  const index = list.indexOf(value);
  if (index >= 0) list.splice(index, 1);
}

export function emptyPlan(activeElementIds: readonly string[]): EffectsPlan {
  return {
    newTasks: [],
    completedTaskIds: [],
    cancelledTaskIds: [],
    history: [],
    incidents: [],
    activeElementIds: [...activeElementIds],
    jobs: [],
    processEventJobs: [],
    cancelledJobKeys: [],
    resolvedIncidentIds: [],
    correlation: emptyCorrelationPlan(),
  };
}

/** A job added and cancelled by the same command never reaches the database; of the two, the later wins. */
function addJob(plan: EffectsPlan, job: JobRequest): void {
  if (job.key !== undefined) {
    const key = job.key;
    plan.cancelledJobKeys = plan.cancelledJobKeys.filter((k) => k !== key);
    plan.jobs = plan.jobs.filter((j) => j.key !== key);
  }
  plan.jobs.push(job);
}

function cancelJob(plan: EffectsPlan, key: string): void {
  plan.jobs = plan.jobs.filter((j) => j.key !== key);
  if (!plan.cancelledJobKeys.includes(key)) plan.cancelledJobKeys.push(key);
}

export function planEffects(effects: readonly Effect[], previousActive: readonly string[], context: PlanContext): EffectsPlan {
  const plan = emptyPlan(previousActive);
  for (const effect of effects) {
    switch (effect.type) {
      case 'ElementEntered':
        plan.activeElementIds.push(effect.elementId);
        plan.history.push({ elementId: effect.elementId, elementType: effect.elementType, event: 'entered', payload: null });
        break;
      case 'ElementLeft':
        removeOne(plan.activeElementIds, effect.elementId);
        plan.history.push({ elementId: effect.elementId, elementType: effect.elementType, event: 'left', payload: null });
        break;
      case 'FlowTaken':
        plan.history.push({ elementId: effect.elementId, elementType: effect.elementType, event: 'taken', payload: null });
        break;
      case 'TaskCreated':
        plan.newTasks.push({
          id: effect.taskId,
          elementId: effect.elementId,
          name: effect.name ?? null,
          assignee: effect.assignee ?? null,
          candidateGroups: effect.candidateGroups,
          dueAt: effect.dueAt ?? null,
          priority: effect.priority ?? null,
          formKey: effect.formKey ?? null,
          variables: effect.variables,
          ...(effect.assignment ? { assignment: { ...effect.assignment, territory: effect.variables[TERRITORY_VARIABLE] } } : {}),
        });
        plan.history.push({ elementId: effect.elementId, elementType: 'bpmn:UserTask', event: 'task-created', payload: { taskId: effect.taskId } });
        break;
      case 'TaskCompleted':
        plan.completedTaskIds.push(effect.taskId);
        plan.history.push({
          elementId: effect.elementId,
          elementType: 'bpmn:UserTask',
          event: 'task-completed',
          payload: { taskId: effect.taskId, variables: effect.variables },
        });
        break;
      case 'TaskCancelled':
        plan.cancelledTaskIds.push(effect.taskId);
        plan.history.push({ elementId: effect.elementId, elementType: 'bpmn:UserTask', event: 'task-cancelled', payload: { taskId: effect.taskId } });
        break;
      case 'VariablesChanged':
        plan.history.push({ elementId: null, elementType: null, event: 'variables-changed', payload: { changes: effect.changes } });
        break;
      case 'IncidentRaised':
        plan.incidents.push({ id: effect.incidentId, elementId: effect.elementId ?? null, kind: 'interpreter', message: effect.message });
        plan.history.push({ elementId: effect.elementId ?? null, elementType: null, event: 'incident', payload: { message: effect.message } });
        break;
      case 'InstanceCompleted':
        plan.activeElementIds = [];
        plan.history.push({ elementId: null, elementType: null, event: 'instance-completed', payload: null });
        break;
      case 'InstanceTerminated':
        plan.activeElementIds = [];
        plan.history.push({ elementId: effect.elementId ?? null, elementType: null, event: 'instance-terminated', payload: null });
        break;
      case 'InstanceCancelled':
        plan.activeElementIds = [];
        plan.history.push({ elementId: null, elementType: null, event: 'instance-cancelled', payload: null });
        break;
      case 'TimerScheduled':
        addJob(plan, timerJob(context.instanceId, effect.timerId, effect.dueAt));
        plan.history.push({
          elementId: effect.elementId,
          elementType: null,
          event: 'timer-scheduled',
          payload: { timerId: effect.timerId, dueAt: effect.dueAt },
        });
        break;
      case 'TimerCancelled':
        cancelJob(plan, timerJobKey(effect.timerId));
        plan.history.push({ elementId: effect.elementId, elementType: null, event: 'timer-cancelled', payload: { timerId: effect.timerId } });
        break;
      case 'AsyncContinuationScheduled':
        addJob(plan, asyncJob(context.instanceId, effect.continuationId));
        plan.history.push({ elementId: effect.elementId, elementType: null, event: 'async-scheduled', payload: { continuationId: effect.continuationId } });
        break;
      case 'IncidentResolved':
        plan.resolvedIncidentIds.push(effect.incidentId);
        plan.history.push({ elementId: effect.elementId ?? null, elementType: null, event: 'incident-resolved', payload: { incidentId: effect.incidentId } });
        break;
      // Rows and jobs of these come from planCorrelation (below); here only their history.
      case 'MessageSubscribed':
        plan.history.push({
          elementId: effect.elementId,
          elementType: null,
          event: 'message-subscribed',
          payload: { messageName: effect.messageName, correlationKey: effect.correlationKey ?? null },
        });
        break;
      case 'SignalSubscribed':
        plan.history.push({ elementId: effect.elementId, elementType: null, event: 'signal-subscribed', payload: { signalName: effect.signalName } });
        break;
      case 'MessageSubscriptionClosed':
      case 'SignalSubscriptionClosed':
        break;
      case 'MessageThrown':
        plan.history.push({
          elementId: effect.elementId,
          elementType: null,
          event: 'message-thrown',
          payload: { messageName: effect.messageName, correlationKey: effect.correlationKey ?? null },
        });
        break;
      case 'SignalThrown':
        plan.history.push({ elementId: effect.elementId, elementType: null, event: 'signal-thrown', payload: { signalName: effect.signalName } });
        break;
      case 'CalledProcessStarted':
        plan.history.push({
          elementId: effect.elementId,
          elementType: null,
          event: 'called-process-started',
          payload: { callId: effect.callId, processKey: effect.processKey },
        });
        break;
      case 'CalledProcessCancelled':
        plan.history.push({ elementId: effect.elementId, elementType: null, event: 'called-process-cancelled', payload: { callId: effect.callId } });
        break;
      case 'ActionRequested':
        addJob(plan, runActionJob(context.instanceId, effect));
        plan.history.push({
          elementId: effect.elementId,
          elementType: null,
          event: 'action-requested',
          payload: { actionId: effect.actionId, actionKey: effect.actionKey },
        });
        break;
      case 'ActionCancelled':
        cancelJob(plan, actionJobKey(effect.actionId));
        plan.history.push({ elementId: effect.elementId, elementType: null, event: 'action-cancelled', payload: { actionId: effect.actionId } });
        break;
      case 'ErrorUncaught':
        plan.history.push({
          elementId: effect.elementId,
          elementType: null,
          event: 'error-uncaught',
          payload: { errorCode: effect.errorCode, message: effect.message ?? null },
        });
        break;
      case 'EscalationUncaught':
        plan.history.push({ elementId: effect.elementId, elementType: null, event: 'escalation-uncaught', payload: { escalationCode: effect.escalationCode } });
        break;
      default: {
        const unknownEffect: never = effect;
        throw new Error(`unknown effect ${JSON.stringify(unknownEffect)}`);
      }
    }
  }
  // The audit trail shows each action's answer once: a retried job's answer is refused and writes nothing.
  const command = context.command;
  if (command?.type === 'completeAction')
    plan.history.unshift({ elementId: null, elementType: null, event: 'action-completed', payload: { actionId: command.actionId } });
  if (command?.type === 'failAction') {
    plan.history.unshift({
      elementId: null,
      elementType: null,
      event: 'action-failed',
      payload: { actionId: command.actionId, errorCode: command.errorCode, message: command.message ?? null },
    });
  }
  plan.processEventJobs = processEventJobs(context.instanceId, processEventsOf(effects, command));
  plan.correlation = planCorrelation(effects, { instanceId: context.instanceId, parent: context.parent ?? null, command: context.command ?? null });
  for (const job of plan.correlation.jobs) addJob(plan, job);
  plan.correlation.jobs = [];
  // A task completed or cancelled in the same command that created it never becomes a row.
  const settled = new Set([...plan.completedTaskIds, ...plan.cancelledTaskIds]);
  plan.newTasks = plan.newTasks.filter((task) => !settled.has(task.id));
  return plan;
}
