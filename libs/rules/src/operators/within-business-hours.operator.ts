// `withinBusinessHours`: the fact's instant falls on one of the `days` at a local time in
// [from, to) in `timezone` — "the lead came in during office hours in Berlin". Local time comes
// from Intl (the runtime's time-zone data), so summer time is handled without a dependency.
import type { BusinessHours, Weekday } from '@stageflow/process-package';
import { instantOf } from './instant.js';
import type { RuleOperator } from './rule-operator.js';

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timezone: unknown): Intl.DateTimeFormat | null {
  if (typeof timezone !== 'string') return null;
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      formatter = null;
    }
    if (formatters.size > 1000) formatters.clear();
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** Weekday (`mon`) and minutes after local midnight of `instant` in the formatter's zone. */
export function localTime(formatter: Intl.DateTimeFormat, instant: number): { day: Weekday; minutes: number } {
  let day = '';
  let hour = 0;
  let minute = 0;
  for (const part of formatter.formatToParts(instant)) {
    if (part.type === 'weekday') day = part.value.slice(0, 3).toLowerCase();
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return { day: day as Weekday, minutes: hour * 60 + minute };
}

function minutesOf(time: unknown): number {
  if (typeof time !== 'string' || !/^\d{2}:\d{2}$/.test(time)) return Number.NaN;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
}

function compileHours(value: unknown): ((factValue: unknown) => boolean) | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const spec = value as Partial<BusinessHours>;
  const formatter = formatterFor(spec.timezone);
  const from = minutesOf(spec.from);
  const to = minutesOf(spec.to);
  if (formatter === null || !Array.isArray(spec.days) || !(from < to)) return undefined;
  const days = new Set<string>(spec.days);
  return (factValue) => {
    const instant = instantOf(factValue);
    if (instant === undefined) return false;
    const local = localTime(formatter, instant);
    return days.has(local.day) && from <= local.minutes && local.minutes < to;
  };
}

export const withinBusinessHoursOperator: RuleOperator = {
  name: 'withinBusinessHours',
  test: (factValue, value) => compileHours(value)?.(factValue) ?? false,
  compile: (value) => {
    const test = compileHours(value);
    return test === undefined ? () => false : (factValue) => test(factValue);
  },
};
