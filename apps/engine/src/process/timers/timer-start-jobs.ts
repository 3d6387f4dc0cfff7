// Timer start events (a nightly account review): outside any instance, so the engine keeps
// them as jobs of the definition. Deploying a version schedules the first firing of each of
// its timer start events and removes the previous version's; each firing starts one instance
// and, in the same statement, schedules the next firing.
//
// Exactly once across nodes: a firing's job key and the instance it starts are both derived
// from (definition, start event, due instant). A job delivered twice tries to insert the same
// instance id and writes nothing; two nodes can never hold two jobs for one due instant.
import { createHash } from 'node:crypto';
import { nextTimerDue, startTriggers, type ProcessGraph, type TimerDefinition } from '@stageflow/bpmn-runtime';
import type { JobRequest } from '../../platform/jobs/job-request.js';

export const START_TIMER_TASK = 'stageflow.start-timer';

/** Every firing job of one version starts with this: removing a version's timers removes by prefix. */
export function startTimerKeyPrefix(definitionId: string): string {
  return `start-timer:${definitionId}:`;
}

export interface StartTimerPayload {
  definitionId: string;
  elementId: string;
  dueAt: string;
  /** Firings before this one. */
  firedCount: number;
}

export function startTimerJob(payload: StartTimerPayload): JobRequest {
  return {
    task: START_TIMER_TASK,
    payload: { ...payload },
    runAt: payload.dueAt,
    key: `${startTimerKeyPrefix(payload.definitionId)}${payload.elementId}:${new Date(payload.dueAt).toISOString()}`,
  };
}

/** The id of the instance one firing starts: the same on every node and every delivery. */
export function startTimerInstanceId(payload: StartTimerPayload): string {
  const hex = createHash('sha256')
    .update(`${payload.definitionId}|${payload.elementId}|${new Date(payload.dueAt).toISOString()}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The timer start events of a compiled process. */
export function timerStarts(graph: ProcessGraph): { elementId: string; timer: TimerDefinition }[] {
  return startTriggers(graph).flatMap((trigger) => (trigger.kind === 'timer' ? [{ elementId: trigger.elementId, timer: trigger.timer }] : []));
}

/**
 * The first firing of each timer start event of a newly deployed version, judged from `now`
 * (the database clock). Throws TimerEvaluationError for a timer that cannot be evaluated.
 */
export function firstStartTimerJobs(definitionId: string, graph: ProcessGraph, now: string): JobRequest[] {
  const jobs: JobRequest[] = [];
  for (const { elementId, timer } of timerStarts(graph)) {
    const due = nextTimerDue(timer, { now, firedCount: 0 });
    if ('dueAt' in due) jobs.push(startTimerJob({ definitionId, elementId, dueAt: due.dueAt, firedCount: 0 }));
  }
  return jobs;
}

/**
 * The firing after `fired`, judged from its due instant, so a cycle keeps its rhythm however
 * late a firing ran; after a long outage the missed firings collapse into the one that runs
 * now (the next is judged from `now`, the database clock), never a burst of catch-up starts.
 */
export function nextStartTimerJob(fired: StartTimerPayload, timer: TimerDefinition, now: string): JobRequest | undefined {
  const firedCount = fired.firedCount + 1;
  let due = nextTimerDue(timer, { now: fired.dueAt, firedCount });
  if ('dueAt' in due && Date.parse(due.dueAt) < Date.parse(now)) due = nextTimerDue(timer, { now, firedCount });
  return 'dueAt' in due ? startTimerJob({ ...fired, dueAt: due.dueAt, firedCount }) : undefined;
}
