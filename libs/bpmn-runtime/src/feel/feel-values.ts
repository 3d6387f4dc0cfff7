// Converting FEEL values to what we store (plain JSON) and to instants (due dates).
import { isFunction, isRange } from 'feelin';
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
export interface FeelDurationLike {
  years: number;
  months: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  iso: string;
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

/**
 * A FEEL duration of either kind: days-time (`duration("P3D")`) or years-months
 * (`duration("P6M")`, whose `days` is null — so it is told by its ISO text, not by its days).
 */
export function isDurationValue(value: unknown): value is FeelDurationLike {
  return typeof value === 'object' && value !== null && 'yearsMonths' in value && typeof (value as { iso?: unknown }).iso === 'string';
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

/** A duration in calendar parts (years and months) and exact milliseconds (the rest). */
export interface DurationParts {
  months: number;
  millis: number;
}

const ISO_DURATION = /^([-+])?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;
const durationCache = new Map<string, DurationParts | null>();

/** Parses an ISO 8601 duration (`P3D`, `PT4H`, `P1Y2M`, `-P1W`); null when it is not one. */
export function parseIsoDuration(text: string): DurationParts | null {
  const cached = durationCache.get(text);
  if (cached !== undefined) return cached;
  const match = ISO_DURATION.exec(text.trim());
  let parts: DurationParts | null = null;
  if (match && /\d/.test(text) && !/T$/i.test(text.trim())) {
    const n = (index: number) => Number((match[index] ?? '0').replace(',', '.'));
    const sign = match[1] === '-' ? -1 : 1;
    parts = {
      months: sign * (n(2) * 12 + n(3)) + 0,
      millis: 0 + sign * Math.round((((n(4) * 7 + n(5)) * 24 + n(6)) * 60 + n(7)) * 60_000 + n(8) * 1000),
    };
  }
  if (durationCache.size > 1000) durationCache.clear();
  durationCache.set(text, parts);
  return parts;
}

/** Adds a duration to an instant in UTC; adding months clamps the day (Jan 31 + P1M = Feb 29). */
export function addToInstant(instant: number, parts: DurationParts): number {
  let time = instant;
  if (parts.months !== 0) {
    const date = new Date(time);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + parts.months;
    const targetYear = year + Math.floor(month / 12);
    const targetMonth = ((month % 12) + 12) % 12;
    const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
    date.setUTCFullYear(targetYear, targetMonth, Math.min(date.getUTCDate(), lastDay));
    time = date.getTime();
  }
  return time + parts.millis;
}

/** Parses an ISO 8601 date or date-time to epoch milliseconds; no zone means UTC. */
export function parseInstant(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(trimmed)) return null;
  const zoned = /T/i.test(trimmed) && !/(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) ? `${trimmed}Z` : trimmed;
  const time = Date.parse(zoned.length === 10 ? `${zoned}T00:00:00Z` : zoned);
  return Number.isNaN(time) ? null : time;
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
    if (typeof value === 'string') {
      const text = value.trim();
      const parts = /^[-+]?P/i.test(text) ? parseIsoDuration(text) : null;
      if (parts) return fromNow(parts, now);
      const instant = parts === null ? parseInstant(text) : null;
      if (instant !== null) return { ok: true, value: new Date(instant).toISOString() };
      return { ok: false, message: `'${text}' is neither an ISO 8601 date-time nor a duration` };
    }
    if (isDurationValue(value)) {
      const parts = parseIsoDuration(value.iso);
      if (parts) return fromNow(parts, now);
      return { ok: false, message: `cannot add the duration ${value.iso} to now` };
    }
    if (isDateTimeValue(value)) return { ok: true, value: instantOf(value) };
    if (isDateValue(value)) return { ok: true, value: new Date(`${value.iso}T00:00:00Z`).toISOString() };
    return { ok: false, message: 'a due date must be a date-time, a date or a duration' };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function fromNow(parts: DurationParts, now: string): Converted<string> {
  const start = parseInstant(now);
  if (start === null) return { ok: false, message: `now '${now}' is not an ISO 8601 instant` };
  const due = addToInstant(start, parts);
  if (!Number.isFinite(due) || Math.abs(due) > 8.64e15) return { ok: false, message: 'the due date is out of range' };
  return { ok: true, value: new Date(due).toISOString() };
}
