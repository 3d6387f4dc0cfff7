// The jobs the engine itself schedules for its instances: their task names, keys and payloads.
// Keys are derived from the interpreter's ids, so a command retried after a lost race, or a
// job added twice, still leaves one job per timer or continuation.
import type { JobRequest } from '../../platform/jobs/job-request.js';

export const FIRE_TIMER_TASK = 'stageflow.fire-timer';
export const CONTINUE_ASYNC_TASK = 'stageflow.continue-async';

export function timerJobKey(timerId: string): string {
  return `timer:${timerId}`;
}

export function asyncJobKey(continuationId: string): string {
  return `async:${continuationId}`;
}

/** Fires `timerId` of the instance at `dueAt` (a due time in the past runs at once). */
export function timerJob(processInstanceId: string, timerId: string, dueAt: string): JobRequest {
  return { task: FIRE_TIMER_TASK, payload: { processInstanceId, timerId, dueAt }, runAt: dueAt, key: timerJobKey(timerId) };
}

/** Runs the parked activity of `stageflow:async` in its own transaction, now. */
export function asyncJob(processInstanceId: string, continuationId: string): JobRequest {
  return { task: CONTINUE_ASYNC_TASK, payload: { processInstanceId, continuationId }, key: asyncJobKey(continuationId) };
}
