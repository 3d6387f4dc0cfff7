// Hand-written reading of the small JSON bodies of the CRM's parts and side tables (products,
// campaigns, relations, comments): unknown fields, wrong types and values outside their range are
// collected with the field each names and refused together as one 400, before any statement.
import type { ValidationIssue } from '@stageflow/process-package';
import { Invalid } from '../../platform/errors/domain-errors.js';
import { isPlainObject, isUuid, type JsonObject } from '../../platform/http/input.js';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

type Checked<T> = { value: T } | { problem: string };
const ok = <T>(value: T): Checked<T> => ({ value });
const problem = (message: string): Checked<never> => ({ problem: message });

interface FieldRule {
  required?: boolean;
  /** null is accepted (it clears the field); otherwise null is refused like a wrong type. */
  nullable?: boolean;
}

export class BodyReader {
  readonly issues: ValidationIssue[] = [];
  private readonly body: JsonObject;

  /** `allowed`: the fields the body may have; `minimum`: how many it must have (an update: 1). */
  constructor(body: unknown, allowed: readonly string[], minimum = 0) {
    if (!isPlainObject(body)) throw Invalid.field('body', 'must be a JSON object');
    this.body = body;
    for (const key of Object.keys(body)) if (!allowed.includes(key)) this.issues.push({ path: key, message: 'is not allowed' });
    if (Object.keys(body).length < minimum) this.issues.push({ path: '', message: `must set at least one of ${allowed.join(', ')}` });
  }

  has(key: string): boolean {
    return this.body[key] !== undefined;
  }

  text(key: string, maxLength: number, rule: FieldRule = {}): string | null | undefined {
    return this.read(key, rule, (value) =>
      typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength
        ? ok(value.trim())
        : problem(`must be a non-empty text of at most ${maxLength} characters`),
    );
  }

  decimal(key: string, minimum: number, rule: FieldRule & { exclusiveMinimum?: boolean } = {}): number | null | undefined {
    return this.read(key, rule, (value) => {
      const low = rule.exclusiveMinimum ? (value as number) > minimum : (value as number) >= minimum;
      return typeof value === 'number' && Number.isFinite(value) && low && value <= 1e15
        ? ok(value)
        : problem(`must be a number ${rule.exclusiveMinimum ? 'greater than' : 'at least'} ${minimum} (and at most 1e15)`);
    });
  }

  currency(key: string, rule: FieldRule = {}): string | null | undefined {
    return this.read(key, rule, (value) => (typeof value === 'string' && CURRENCIES.has(value) ? ok(value) : problem('must be an ISO 4217 currency code')));
  }

  date(key: string, rule: FieldRule = {}): string | null | undefined {
    return this.read(key, rule, (value) => (typeof value === 'string' && isCalendarDate(value) ? ok(value) : problem('must be a calendar date (YYYY-MM-DD)')));
  }

  boolean(key: string, rule: FieldRule = {}): boolean | null | undefined {
    return this.read(key, rule, (value) => (typeof value === 'boolean' ? ok(value) : problem('must be true or false')));
  }

  uuid(key: string, rule: FieldRule = {}): string | null | undefined {
    return this.read(key, rule, (value) => (typeof value === 'string' && isUuid(value) ? ok(value.toLowerCase()) : problem('must be a UUID')));
  }

  /** A problem found after reading (a catalog value, a date range): refused with the others. */
  refuse(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  /** Throws the 400 listing every problem, if there is one. */
  done(): void {
    if (this.issues.length > 0) throw Invalid.body(this.issues);
  }

  private read<T>(key: string, rule: FieldRule, check: (value: unknown) => Checked<T>): T | null | undefined {
    const value = this.body[key];
    if (value === undefined) {
      if (rule.required) this.issues.push({ path: key, message: 'is required' });
      return undefined;
    }
    if (value === null) {
      if (rule.nullable && !rule.required) return null;
      this.issues.push({ path: key, message: 'must not be null' });
      return undefined;
    }
    const checked = check(value);
    if ('problem' in checked) {
      this.issues.push({ path: key, message: checked.problem });
      return undefined;
    }
    return checked.value;
  }
}
