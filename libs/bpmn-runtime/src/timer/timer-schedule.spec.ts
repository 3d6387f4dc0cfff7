import { dueAfter, parseTimerText, resolveTimer, timerProblem, type ResolvedTimer } from './timer-schedule.js';
import { nextTimerDue, TimerEvaluationError } from './next-timer-due.js';

const NOW = Date.parse('2026-03-01T10:00:00.000Z');
const env = { now: '2026-03-01T10:00:00.000Z', params: {} };

function parsed(kind: 'date' | 'duration' | 'cycle', text: string): ResolvedTimer {
  const result = parseTimerText(kind, text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('timer schedule', () => {
  it('given a date, when armed, then it is due at that date once (UTC when no zone is given)', () => {
    expect(dueAfter(parsed('date', '2026-12-01T08:00:00+01:00'), NOW, 0)).toEqual({ dueAt: '2026-12-01T07:00:00.000Z' });
    expect(dueAfter(parsed('date', '2026-12-01T08:00'), NOW, 0)).toEqual({ dueAt: '2026-12-01T08:00:00.000Z' });
    expect(dueAfter(parsed('date', '2026-12-01'), NOW, 0)).toEqual({ dueAt: '2026-12-01T00:00:00.000Z' });
    expect(dueAfter(parsed('date', '2026-12-01'), NOW, 1)).toEqual({ done: true });
  });

  it('given a date in the past, when armed, then it is due at that date (the engine fires it at once)', () => {
    expect(dueAfter(parsed('date', '2020-01-01T00:00:00Z'), NOW, 0)).toEqual({ dueAt: '2020-01-01T00:00:00.000Z' });
  });

  it('given a duration, when armed, then it is due at now + duration; months clamp the day', () => {
    expect(dueAfter(parsed('duration', 'PT2H'), NOW, 0)).toEqual({ dueAt: '2026-03-01T12:00:00.000Z' });
    expect(dueAfter(parsed('duration', 'P1M'), Date.parse('2026-01-31T00:00:00Z'), 0)).toEqual({ dueAt: '2026-02-28T00:00:00.000Z' });
    expect(dueAfter(parsed('duration', 'PT0S'), NOW, 0)).toEqual({ dueAt: '2026-03-01T10:00:00.000Z' });
  });

  it('given an unbounded cycle without start, when it fires, then each firing is due one interval after the last', () => {
    const cycle = parsed('cycle', 'R/PT72H');
    expect(dueAfter(cycle, NOW, 0)).toEqual({ dueAt: '2026-03-04T10:00:00.000Z' });
    expect(dueAfter(cycle, Date.parse('2026-03-04T10:00:00.200Z'), 1)).toEqual({ dueAt: '2026-03-07T10:00:00.200Z' });
    expect(dueAfter(cycle, NOW, 1000)).toEqual({ dueAt: '2026-03-04T10:00:00.000Z' });
  });

  it('given FEEL years-months durations, when resolved as a timer, then they count calendar months from now', () => {
    const vars: Record<string, unknown> = { months: 6 };
    const resolve = (name: string) => vars[name];
    const cycle = resolveTimer({ kind: 'cycle', expression: '= duration("P" + string(months) + "M")' }, resolve, env);
    expect(cycle).toEqual({ ok: true, value: parsed('cycle', 'R/P6M') });
    if (!cycle.ok) throw new Error(cycle.message);
    expect(dueAfter(cycle.value, Date.parse('2026-08-31T10:00:00Z'), 0)).toEqual({ dueAt: '2027-02-28T10:00:00.000Z' });
    expect(dueAfter(cycle.value, Date.parse('2027-02-28T10:00:00Z'), 1)).toEqual({ dueAt: '2027-08-28T10:00:00.000Z' });
    expect(resolveTimer({ kind: 'duration', expression: '= duration("P1Y2M")' }, resolve, env)).toEqual({ ok: true, value: parsed('duration', 'P1Y2M') });
    expect(resolveTimer({ kind: 'date', expression: '= duration("P1M")' }, resolve, env)).toMatchObject({
      ok: false,
      message: expect.stringContaining('gave the duration P1M; a timeDate needs a date-time'),
    });
  });

  it('given a cycle with repetitions and a start, when it fires, then occurrences are start + k intervals until they run out', () => {
    const cycle = parsed('cycle', 'R3/2026-03-02T08:00:00Z/P1D');
    expect(dueAfter(cycle, NOW, 0)).toEqual({ dueAt: '2026-03-02T08:00:00.000Z' });
    expect(dueAfter(cycle, Date.parse('2026-03-02T08:00:01Z'), 1)).toEqual({ dueAt: '2026-03-03T08:00:00.000Z' });
    expect(dueAfter(cycle, Date.parse('2026-03-03T08:00:00Z'), 2)).toEqual({ dueAt: '2026-03-04T08:00:00.000Z' });
    expect(dueAfter(cycle, Date.parse('2026-03-04T08:00:00Z'), 3)).toEqual({ done: true });
  });

  it('given a nightly cycle that started long ago, when it re-arms after a down time, then missed nights are skipped, not replayed', () => {
    const nightly = parsed('cycle', 'R/2020-01-01T02:00:00Z/P1D');
    expect(dueAfter(nightly, NOW, 0)).toEqual({ dueAt: '2020-01-01T02:00:00.000Z' });
    expect(dueAfter(nightly, NOW, 1)).toEqual({ dueAt: '2026-03-02T02:00:00.000Z' });
    const monthly = parsed('cycle', 'R/2020-01-31T00:00:00Z/P1M');
    expect(dueAfter(monthly, NOW, 1)).toEqual({ dueAt: '2026-03-31T00:00:00.000Z' });
    expect(dueAfter(parsed('cycle', 'R5/2020-01-01T00:00:00Z/P1D'), NOW, 1)).toEqual({ done: true });
  });

  it('given malformed or dangerous timer text, when parsed, then it is refused with the reason', () => {
    expect(parseTimerText('date', 'tomorrow')).toMatchObject({ ok: false, message: expect.stringContaining('not an ISO 8601 date') });
    expect(parseTimerText('duration', '2 hours')).toMatchObject({ ok: false, message: expect.stringContaining('not an ISO 8601 duration') });
    expect(parseTimerText('duration', '-PT1H')).toMatchObject({ ok: false, message: expect.stringContaining('negative') });
    expect(parseTimerText('cycle', 'PT1H')).toMatchObject({ ok: false, message: expect.stringContaining('repeating interval') });
    expect(parseTimerText('cycle', 'R/PT0.001S')).toMatchObject({ ok: false, message: expect.stringContaining('shorter than 1 second') });
    expect(parseTimerText('cycle', 'R0/PT1H')).toMatchObject({ ok: false, message: expect.stringContaining('never fire') });
    expect(parseTimerText('cycle', 'R/PT1H/2026-01-01T00:00:00Z')).toMatchObject({ ok: false });
    expect(parseTimerText('cycle', 'R/PT1S')).toMatchObject({ ok: true });
  });

  it('given timer definitions, when checked at deploy, then literal text must parse and FEEL must be valid FEEL', () => {
    expect(timerProblem({ kind: 'cycle', expression: 'R/PT0.5S' })).toContain('bpmn:timeCycle');
    expect(timerProblem({ kind: 'date', expression: '= date and time(' })).toContain('invalid FEEL');
    expect(timerProblem({ kind: 'duration', expression: '= reminderDelay' })).toBeUndefined();
    expect(timerProblem({ kind: 'duration', expression: ' ' })).toContain('empty');
  });

  it('given FEEL timers, when resolved, then strings, FEEL date-times and FEEL durations are accepted per kind', () => {
    const vars: Record<string, unknown> = { delay: 'PT4H', deadline: '2026-04-01T12:00:00+02:00', days: 3 };
    const resolve = (name: string) => vars[name];
    expect(resolveTimer({ kind: 'duration', expression: '= delay' }, resolve, env)).toEqual({ ok: true, value: parsed('duration', 'PT4H') });
    expect(resolveTimer({ kind: 'duration', expression: '= duration("P" + string(days) + "D")' }, resolve, env)).toEqual({
      ok: true,
      value: parsed('duration', 'P3D'),
    });
    expect(resolveTimer({ kind: 'date', expression: '= date and time(deadline)' }, resolve, env)).toEqual({
      ok: true,
      value: { kind: 'date', at: Date.parse('2026-04-01T10:00:00Z') },
    });
    expect(resolveTimer({ kind: 'date', expression: '= now() + duration("P1D")' }, resolve, env)).toEqual({
      ok: true,
      value: { kind: 'date', at: Date.parse('2026-03-02T10:00:00Z') },
    });
    expect(resolveTimer({ kind: 'cycle', expression: '= duration("P3D")' }, resolve, env)).toEqual({ ok: true, value: parsed('cycle', 'R/P3D') });
    expect(resolveTimer({ kind: 'date', expression: '= days' }, resolve, env)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a bpmn:timeDate'),
    });
    expect(resolveTimer({ kind: 'cycle', expression: '= "R/PT0.1S"' }, resolve, env)).toMatchObject({
      ok: false,
      message: expect.stringContaining('1 second'),
    });
  });
});

describe('nextTimerDue (timer start events)', () => {
  it('given a nightly cycle, when the engine asks after each firing, then it gets the next night', () => {
    const nightly = { kind: 'cycle' as const, expression: 'R/2026-03-01T02:00:00Z/P1D' };
    expect(nextTimerDue(nightly, { now: '2026-03-01T10:00:00Z', firedCount: 0 })).toEqual({ dueAt: '2026-03-01T02:00:00.000Z' });
    expect(nextTimerDue(nightly, { now: '2026-03-01T10:00:00Z', firedCount: 1 })).toEqual({ dueAt: '2026-03-02T02:00:00.000Z' });
  });

  it('given a FEEL timer over package parameters, when evaluated, then params are visible', () => {
    const timer = { kind: 'cycle' as const, expression: '= "R/" + params.reviewEvery' };
    expect(nextTimerDue(timer, { now: '2026-03-01T10:00:00Z', firedCount: 0, params: { reviewEvery: 'P7D' } })).toEqual({ dueAt: '2026-03-08T10:00:00.000Z' });
  });

  it('given a timer that cannot be evaluated, when asked, then it throws TimerEvaluationError with the reason', () => {
    expect(() => nextTimerDue({ kind: 'duration', expression: '= missing + 1' }, { now: '2026-03-01T10:00:00Z', firedCount: 0 })).toThrow(TimerEvaluationError);
    expect(() => nextTimerDue({ kind: 'date', expression: 'soon' }, { now: '2026-03-01T10:00:00Z', firedCount: 0 })).toThrow(/not an ISO 8601 date/);
  });
});
