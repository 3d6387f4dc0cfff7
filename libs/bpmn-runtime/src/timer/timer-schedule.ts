// Timers: ISO 8601 dates, durations and repeating cycles, or FEEL giving one of those.
// Pure: every due time is computed from the `now` the caller passes; nothing reads a clock.
//
//   date      `2026-12-01T08:00:00Z` (no zone = UTC) or `2026-12-01` (midnight UTC); a date in
//             the past is due at that date (the engine fires it at once)
//   duration  `PT2H`, `P3D`, `P1M` (months clamp the day): due at now + duration
//   cycle     `R/PT72H`, `R5/PT1H` (first due at now + interval, then each firing + interval)
//             `R5/2026-12-01T08:00:00Z/P1D` (due at the start, then start + k x interval; an
//             occurrence already past when the timer re-arms is skipped and counts as used)
//             An interval under one second is refused: a cycle that would fire thousands of
//             times a second is a mistake, not a schedule.
//   FEEL      `= expr` giving such a string, a FEEL date-time (date) or a FEEL duration
//             (duration, or the interval of an unbounded cycle); evaluated when the timer is
//             (re-)armed, so a failing expression is an incident at run time.
import type { TimerDefinition, TimerDue } from '../contract/definition.js';
import { evaluateValue, isFeelExpression, parseFeel, type FeelEnvironment } from '../feel/feel-expression.js';
import { addToInstant, isDurationValue, parseInstant, parseIsoDuration, toDueInstant, type DurationParts } from '../feel/feel-values.js';

/** A timer with its expression resolved (literal or evaluated FEEL). */
export type ResolvedTimer =
  | { kind: 'date'; at: number }
  | { kind: 'duration'; duration: DurationParts }
  | { kind: 'cycle'; repetitions?: number; start?: number; interval: DurationParts };

export type TimerOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

export const MIN_CYCLE_INTERVAL_MS = 1000;

const CYCLE = /^R(\d*)\/(.+)$/i;

/** Parses the ISO 8601 text of a timer of the given kind. */
export function parseTimerText(kind: TimerDefinition['kind'], text: string): TimerOutcome<ResolvedTimer> {
  const value = text.trim();
  if (kind === 'date') {
    const at = parseInstant(value);
    return at === null ? fail(`'${value}' is not an ISO 8601 date or date-time (e.g. 2026-12-01T08:00:00Z)`) : { ok: true, value: { kind, at } };
  }
  if (kind === 'duration') {
    const duration = positiveDuration(value);
    return duration.ok ? { ok: true, value: { kind, duration: duration.value } } : duration;
  }
  const match = CYCLE.exec(value);
  if (!match) return fail(`'${value}' is not an ISO 8601 repeating interval (e.g. R/PT72H, R5/PT1H or R5/2026-12-01T08:00:00Z/P1D)`);
  const repetitions = match[1] === '' ? undefined : Number(match[1]);
  if (repetitions === 0) return fail(`'${value}' repeats zero times: the timer would never fire`);
  const parts = match[2]!.split('/');
  let start: number | undefined;
  let intervalText: string;
  if (parts.length === 1) {
    intervalText = parts[0]!;
  } else if (parts.length === 2 && !/^P/i.test(parts[0]!)) {
    const parsed = parseInstant(parts[0]!);
    if (parsed === null) return fail(`'${value}': '${parts[0]}' is not an ISO 8601 date-time`);
    start = parsed;
    intervalText = parts[1]!;
  } else {
    return fail(`'${value}': only R[n]/<duration> and R[n]/<start>/<duration> cycles are supported`);
  }
  const interval = positiveDuration(intervalText);
  if (!interval.ok) return fail(`'${value}': ${interval.message}`);
  if (interval.value.months === 0 && interval.value.millis < MIN_CYCLE_INTERVAL_MS) {
    return fail(`'${value}' repeats every ${interval.value.millis} ms: a cycle must not be shorter than 1 second`);
  }
  const cycle: ResolvedTimer = { kind, interval: interval.value };
  if (repetitions !== undefined) cycle.repetitions = repetitions;
  if (start !== undefined) cycle.start = start;
  return { ok: true, value: cycle };
}

function positiveDuration(text: string): TimerOutcome<DurationParts> {
  const parts = /^[-+]?P/i.test(text) ? parseIsoDuration(text) : null;
  if (!parts) return fail(`'${text}' is not an ISO 8601 duration (e.g. PT2H, P3D)`);
  if (parts.months < 0 || parts.millis < 0) return fail(`'${text}' is a negative duration`);
  return { ok: true, value: parts };
}

/** Checks a timer at deploy time: literal ISO text must parse, FEEL must be valid. Returns the problem, if any. */
export function timerProblem(timer: TimerDefinition): string | undefined {
  if (timer.expression.trim() === '') return `the ${timerElement(timer.kind)} is empty`;
  if (isFeelExpression(timer.expression)) {
    const parsed = parseFeel(timer.expression);
    return parsed.ok ? undefined : `invalid FEEL '${timer.expression}' in ${timerElement(timer.kind)}: ${parsed.message}`;
  }
  const parsed = parseTimerText(timer.kind, timer.expression);
  return parsed.ok ? undefined : `${timerElement(timer.kind)}: ${parsed.message}`;
}

export function timerElement(kind: TimerDefinition['kind']): string {
  return kind === 'date' ? 'bpmn:timeDate' : kind === 'duration' ? 'bpmn:timeDuration' : 'bpmn:timeCycle';
}

/** Resolves a timer: literal text parses, FEEL is evaluated with `resolve` and converted. */
export function resolveTimer(timer: TimerDefinition, resolve: (name: string) => unknown, env: FeelEnvironment): TimerOutcome<ResolvedTimer> {
  if (!isFeelExpression(timer.expression)) return parseTimerText(timer.kind, timer.expression);
  const outcome = evaluateValue(timer.expression, resolve, env);
  if (!outcome.ok) return outcome;
  const value = outcome.value;
  if (typeof value === 'string') return parseTimerText(timer.kind, value);
  if (isDurationValue(value)) {
    if (timer.kind === 'duration') return parseTimerText('duration', value.iso);
    if (timer.kind === 'cycle') return parseTimerText('cycle', `R/${value.iso}`);
    return fail(`'${timer.expression}' gave the duration ${value.iso}; a timeDate needs a date-time`);
  }
  if (timer.kind === 'date' && value !== null && typeof value === 'object') {
    const due = toDueInstant(value, env.now);
    if (due.ok) return { ok: true, value: { kind: 'date', at: Date.parse(due.value) } };
  }
  return fail(`'${timer.expression}' gave ${value === null ? 'null' : `a ${typeof value}`}, not a ${timerElement(timer.kind)} value`);
}

/**
 * The due instant after `firedCount` firings, judged at `now` (the time the timer is armed or
 * re-armed), or `done` when a cycle has no repetition left (dates and durations fire once).
 */
export function dueAfter(timer: ResolvedTimer, now: number, firedCount: number): TimerDue {
  switch (timer.kind) {
    case 'date':
      return firedCount > 0 ? { done: true } : { dueAt: iso(timer.at) };
    case 'duration':
      return firedCount > 0 ? { done: true } : { dueAt: iso(addToInstant(now, timer.duration)) };
    case 'cycle': {
      const limit = timer.repetitions ?? Number.POSITIVE_INFINITY;
      if (firedCount >= limit) return { done: true };
      if (timer.start === undefined) return { dueAt: iso(addToInstant(now, timer.interval)) };
      if (firedCount === 0) return { dueAt: iso(timer.start) };
      const k = firstOccurrenceAfter(timer.start, timer.interval, now, firedCount);
      return k >= limit ? { done: true } : { dueAt: iso(occurrence(timer.start, timer.interval, k)) };
    }
  }
}

function occurrence(start: number, interval: DurationParts, k: number): number {
  return addToInstant(start, { months: interval.months * k, millis: interval.millis * k });
}

/** The smallest k >= from whose occurrence is after `now`, without stepping through every missed one. */
function firstOccurrenceAfter(start: number, interval: DurationParts, now: number, from: number): number {
  const approxMs = interval.months * 30.436875 * 86_400_000 + interval.millis;
  let k = Math.max(from, Math.floor((now - start) / approxMs) - 1);
  while (k > from && occurrence(start, interval, k - 1) > now) k--;
  while (occurrence(start, interval, k) <= now) k++;
  return k;
}

function iso(time: number): string {
  return new Date(time).toISOString();
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
