// The process events an `actions` rule set reacts to (docs/actions.md#actions-rule-sets), read
// off one command's effects: pure, so it is tested without a database. Each event becomes one
// job (stageflow.process-event) written in the command's statement — only when some `actions`
// rule set is deployed (the statement checks), so processes pay nothing while nobody uses them.
import { randomUUID } from 'node:crypto';
import type { Command, Effect } from '@stageflow/bpmn-runtime';
import type { ProcessEventName } from '@stageflow/process-package';
import type { JobRequest } from '../../platform/jobs/job-request.js';

export const PROCESS_EVENT_TASK = 'stageflow.process-event';

/** What rules see as the fact `event`: its name and what it is about. */
export interface ProcessEvent {
  name: ProcessEventName;
  /** The element it happened at (the stage's element, the task, the catching element). */
  elementId?: string;
  stage?: string;
  taskId?: string;
  taskName?: string;
  /** processEnded: completed, terminated or cancelled. */
  outcome?: 'completed' | 'terminated' | 'cancelled';
  /** taskOverdue: when the task became due (its job runs then, and does nothing if the task is closed by then). */
  dueAt?: string;
}

export function processEventsOf(effects: readonly Effect[], command: Command | undefined): ProcessEvent[] {
  const events: ProcessEvent[] = [];
  if (command?.type === 'start') events.push({ name: 'processStarted' });
  if (command?.type === 'correlateMessage') events.push({ name: 'messageReceived' });
  for (const effect of effects) {
    switch (effect.type) {
      case 'ElementEntered':
        if (effect.stage !== undefined) events.push({ name: 'stageEntered', elementId: effect.elementId, stage: effect.stage });
        break;
      case 'ElementLeft':
        if (effect.stage !== undefined) events.push({ name: 'stageLeft', elementId: effect.elementId, stage: effect.stage });
        break;
      case 'TaskCreated': {
        const task = { elementId: effect.elementId, taskId: effect.taskId, ...(effect.name === undefined ? {} : { taskName: effect.name }) };
        events.push({ name: 'taskCreated', ...task });
        if (effect.dueAt !== undefined) events.push({ name: 'taskOverdue', ...task, dueAt: effect.dueAt });
        break;
      }
      case 'InstanceCompleted':
        events.push({ name: 'processEnded', outcome: 'completed' });
        break;
      case 'InstanceTerminated':
        events.push({ name: 'processEnded', outcome: effect.elementId === undefined ? 'cancelled' : 'terminated' });
        break;
      case 'InstanceCancelled':
        events.push({ name: 'processEnded', outcome: 'cancelled' });
        break;
      default:
        break;
    }
  }
  return events;
}

/** One job per event; its id keys the job and every action run it makes. */
export function processEventJobs(processInstanceId: string, events: readonly ProcessEvent[]): JobRequest[] {
  return events.map((event) => {
    const eventId = randomUUID();
    const job: JobRequest = { task: PROCESS_EVENT_TASK, payload: { processInstanceId, eventId, event }, key: `process-event:${eventId}` };
    return event.name === 'taskOverdue' && event.dueAt !== undefined ? { ...job, runAt: event.dueAt } : job;
  });
}
