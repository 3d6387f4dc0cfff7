// Converting FEEL values to what we store (plain JSON) and to instants (due dates).
import { dateAndTime, duration, evaluate, isFunction, isRange, type FeelFunction } from 'feelin';
import type { JsonValue } from '../contract/state.js';

export type Converted<T> = { ok: true; value: T } | { ok: false; message: string };

interface TemporalLike {
  iso: string;
  toString(): string;
}

function isTemporalValue(value: object): value is TemporalLike {
  return typeof (value as { iso?: unknown }).iso === 'string';
}

/** Converts a FEEL result to JSON: temporals become their ISO strings; functions are refused. */
export function toJsonValue(value: unknown): Converted<JsonValue> {
  if (value === null || value === undefined) return { ok: true, value: null };
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return { ok: true, value };
    case 'number':
      return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: `${value} is not a storable number` };
    case 'object': {
      if (Array.isArray(value)) {
        const out: JsonValue[] = [];
        for (const item of value) {
          const converted = toJsonValue(item);
          if (!converted.ok) return converted;
          out.push(converted.value);
        }
        return { ok: true, value: out };
      }
      if (isFunction(value) || isRange(value)) return { ok: false, message: 'a FEEL function or range cannot be stored' };
      if (isTemporalValue(value)) return { ok: true, value: value.toString() };
      const out: { [key: string]: JsonValue } = {};
      for (const key of Object.keys(value)) {
        const converted = toJsonValue((value as Record<string, unknown>)[key]);
        if (!converted.ok) return converted;
        out[key] = converted.value;
      }
      return { ok: true, value: out };
    }
    default:
      return { ok: false, message: `a ${typeof value} cannot be stored` };
  }
}

const addDuration = evaluate('function(t, d) t + d', {}).value as FeelFunction;

interface ZonedLike {
  epochMilliseconds: number;
}
interface PlainDateTimeLike {
  toZonedDateTime(zone: string): ZonedLike;
}
interface FeelDateTimeLike {
  zone: string | null;
  unwrap(): PlainDateTimeLike;
}

function isDateTimeValue(value: unknown): value is FeelDateTimeLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    'zone' in value &&
    typeof (value as { unwrap?: unknown }).unwrap === 'function' &&
    typeof (value as { hour?: unknown }).hour === 'number' &&
    typeof (value as { year?: unknown }).year === 'number'
  );
}

function isDurationValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'yearsMonths' in value && 'iso' in value;
}

function isDateValue(value: unknown): value is TemporalLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { iso?: unknown }).iso === 'string' &&
    typeof (value as { year?: unknown }).year === 'number' &&
    !('hour' in value)
  );
}

function instantOf(value: FeelDateTimeLike): string {
  // A date-time without zone is read as UTC.
  return new Date(value.unwrap().toZonedDateTime(value.zone ?? 'UTC').epochMilliseconds).toISOString();
}

/**
 * Resolves a due date to an ISO instant: a date-time (FEEL value or ISO string), a date
 * (midnight UTC), or a duration (FEEL value or ISO 8601 string like `P3D`) added to `now`.
 */
export function toDueInstant(value: unknown, now: string): Converted<string> {
  try {
    let resolved: unknown = value;
    if (typeof value === 'string') {
      const text = value.trim();
      resolved = /^-?P/i.test(text) ? duration(text) : dateAndTime(text);
      if (resolved === null) return { ok: false, message: `'${text}' is neither an ISO 8601 date-time nor a duration` };
    }
    if (isDurationValue(resolved)) {
      const start = dateAndTime(now);
      if (start === null) return { ok: false, message: `now '${now}' is not an ISO 8601 instant` };
      const due = addDuration.fn(start, resolved);
      if (!isDateTimeValue(due)) return { ok: false, message: 'cannot add the duration to now' };
      return { ok: true, value: instantOf(due) };
    }
    if (isDateTimeValue(resolved)) return { ok: true, value: instantOf(resolved) };
    if (isDateValue(resolved)) return { ok: true, value: new Date(`${resolved.iso}T00:00:00Z`).toISOString() };
    return { ok: false, message: 'a due date must be a date-time, a date or a duration' };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
