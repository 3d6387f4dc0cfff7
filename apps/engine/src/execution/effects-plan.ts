// Turns the interpreter's effects into the rows one command writes: pure, so it is tested
// without a database.
import type { Effect, Variables } from '@stageflow/bpmn-runtime';
import type { HistoryEventKind } from '../process-instances/history-event.entity.js';
import type { IncidentKind } from '../process-instances/incident.entity.js';

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
}

function removeOne(list: string[], value: string): void {
  const index = list.indexOf(value);
  if (index >= 0) list.splice(index, 1);
}

export function emptyPlan(activeElementIds: readonly string[]): EffectsPlan {
  return { newTasks: [], completedTaskIds: [], cancelledTaskIds: [], history: [], incidents: [], activeElementIds: [...activeElementIds] };
}

export function planEffects(effects: readonly Effect[], previousActive: readonly string[]): EffectsPlan {
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
        });
        plan.history.push({ elementId: effect.elementId, elementType: 'bpmn:UserTask', event: 'task-created', payload: { taskId: effect.taskId } });
        break;
      case 'TaskCompleted':
        plan.completedTaskIds.push(effect.taskId);
        plan.history.push({ elementId: effect.elementId, elementType: 'bpmn:UserTask', event: 'task-completed', payload: { taskId: effect.taskId, variables: effect.variables } });
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
      // The deployment still refuses every element that emits these (timers, messages, signals,
      // call activities, async, errors): they cannot occur until the job layer persists them.
      case 'TimerScheduled':
      case 'TimerCancelled':
      case 'MessageSubscribed':
      case 'MessageSubscriptionClosed':
      case 'SignalSubscribed':
      case 'SignalSubscriptionClosed':
      case 'MessageThrown':
      case 'SignalThrown':
      case 'CalledProcessStarted':
      case 'CalledProcessCancelled':
      case 'AsyncContinuationScheduled':
      case 'ErrorUncaught':
      case 'IncidentResolved':
        throw new Error(`The engine cannot persist ${effect.type} yet`);
      default: {
        const unknownEffect: never = effect;
        throw new Error(`unknown effect ${JSON.stringify(unknownEffect)}`);
      }
    }
  }
  // A task completed or cancelled in the same command that created it never becomes a row.
  const settled = new Set([...plan.completedTaskIds, ...plan.cancelledTaskIds]);
  plan.newTasks = plan.newTasks.filter((task) => !settled.has(task.id));
  return plan;
}
