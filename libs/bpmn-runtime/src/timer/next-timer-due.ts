// nextTimerDue: for the engine's timer start events (a nightly account review), outside any
// instance. The engine calls it when a version is deployed (firedCount 0) and each time the
// start timer fires (firedCount = firings so far), with `now` from the database clock.
import type { TimerDefinition, TimerDue } from '../contract/definition.js';
import type { Variables } from '../contract/state.js';
import { dueAfter, resolveTimer } from './timer-schedule.js';

export interface NextTimerDueOptions {
  /** ISO 8601 instant the due time is judged from. */
  now: string;
  /** How many times the timer has fired already. */
  firedCount: number;
  /** Variables visible to a FEEL timer expression. */
  variables?: Variables;
  /** Package parameters, visible to FEEL as `params`. */
  params?: Record<string, unknown>;
}

/** Thrown by nextTimerDue when the timer cannot be evaluated (a FEEL error, a value that is no timer). */
export class TimerEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimerEvaluationError';
  }
}

export function nextTimerDue(timer: TimerDefinition, options: NextTimerDueOptions): TimerDue {
  const now = Date.parse(options.now);
  if (Number.isNaN(now)) throw new TimerEvaluationError(`now '${options.now}' is not an ISO 8601 instant`);
  const variables = options.variables ?? {};
  const resolved = resolveTimer(timer, (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined), {
    now: new Date(now).toISOString(),
    params: options.params ?? {},
  });
  if (!resolved.ok) throw new TimerEvaluationError(resolved.message);
  return dueAfter(resolved.value, now, options.firedCount);
}
