// What each operator of a rule condition accepts: the fact types it compares and the shape of
// its `value`. Checked at deploy, because json-rules-engine only notices an unknown operator
// (or a value it cannot use) while evaluating. The evaluation itself lives in libs/rules.
import type { FactType, OperatorName } from './rule-set.types.js';
import { checkSafeRegex } from './safe-regex.js';

/** The type a condition compares: the declared fact type, or `any` behind a `path`. */
export type ComparedType = FactType | 'any';

export interface OperatorSignature {
  name: OperatorName;
  /** Fact types the operator compares (a fact behind a `path` may be compared by any operator). */
  factTypes: readonly FactType[];
  /** Why `value` does not fit the operator for a fact of `type`, or `undefined`. */
  checkValue(value: unknown, type: ComparedType): string | undefined;
}

const scalarTypes: readonly FactType[] = ['string', 'number', 'boolean', 'date'];
const maxListItems = 1000;
const isoInstant = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** True when `value` is an ISO 8601 date or a date-time with `Z` or an offset. */
export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && isoInstant.test(value) && !Number.isNaN(Date.parse(value));
}

function isScalarOf(value: unknown, type: ComparedType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'date':
      return isIsoInstant(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return value === null || ['string', 'boolean'].includes(typeof value) || (typeof value === 'number' && Number.isFinite(value));
  }
}

function describeScalar(type: ComparedType): string {
  switch (type) {
    case 'date':
      return 'an ISO 8601 date or date-time with an offset';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'string':
      return 'a string';
    default:
      return 'a string, number, boolean or null';
  }
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function scalar(name: OperatorName, nullable: boolean): OperatorSignature {
  return {
    name,
    factTypes: scalarTypes,
    checkValue: (value, type) =>
      isScalarOf(value, type) || (nullable && value === null)
        ? undefined
        : `must be ${describeScalar(type)}${nullable ? ' or null' : ''} to compare with a ${type} fact`,
  };
}

function numeric(name: OperatorName): OperatorSignature {
  return { name, factTypes: ['number'], checkValue: (value) => (isNumber(value) ? undefined : 'must be a number') };
}

function list(name: OperatorName): OperatorSignature {
  return {
    name,
    factTypes: scalarTypes,
    checkValue: (value, type) => {
      if (!Array.isArray(value) || value.length === 0) return 'must be a non-empty list';
      if (value.length > maxListItems) return `must have at most ${maxListItems} items`;
      const bad = value.findIndex((item) => !isScalarOf(item, type));
      return bad === -1 ? undefined : `item ${bad} must be ${describeScalar(type)}`;
    },
  };
}

function containment(name: OperatorName): OperatorSignature {
  return {
    name,
    factTypes: ['array', 'string'],
    checkValue: (value, type) => {
      if (type === 'string') return typeof value === 'string' ? undefined : 'must be a string to look for in a string fact';
      return isScalarOf(value, 'any') ? undefined : 'must be a string, number, boolean or null';
    },
  };
}

const time = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** True when `timezone` is an IANA time zone this runtime knows. */
export function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

function checkBusinessHours(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object {timezone, days, from, to}';
  const spec = value as Record<string, unknown>;
  const extra = Object.keys(spec).find((key) => !['timezone', 'days', 'from', 'to'].includes(key));
  if (extra !== undefined) return `must not have "${extra}" (only timezone, days, from, to)`;
  if (typeof spec.timezone !== 'string' || !isTimeZone(spec.timezone)) return 'timezone must be an IANA time zone such as Europe/Berlin';
  if (!Array.isArray(spec.days) || spec.days.length === 0 || spec.days.some((day) => !weekdays.includes(day as string))) {
    return `days must be a non-empty list of ${weekdays.join(', ')}`;
  }
  if (typeof spec.from !== 'string' || !time.test(spec.from) || spec.from === '24:00') return 'from must be a time HH:MM';
  if (typeof spec.to !== 'string' || !time.test(spec.to)) return 'to must be a time HH:MM (up to 24:00)';
  if (spec.from >= spec.to) return 'from must be before to (hours across midnight need two rules)';
  return undefined;
}

function checkDaysRange(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object {min?, max?} of days';
  const range = value as Record<string, unknown>;
  const extra = Object.keys(range).find((key) => key !== 'min' && key !== 'max');
  if (extra !== undefined) return `must not have "${extra}" (only min, max)`;
  if (range.min === undefined && range.max === undefined) return 'must have min, max or both';
  for (const bound of ['min', 'max'] as const) {
    if (range[bound] !== undefined && !isNumber(range[bound])) return `${bound} must be a number of days`;
  }
  if (isNumber(range.min) && isNumber(range.max) && range.min > range.max) return 'min must not be greater than max';
  return undefined;
}

export const operatorSignatures: Readonly<Record<OperatorName, OperatorSignature>> = {
  equal: scalar('equal', true),
  notEqual: scalar('notEqual', true),
  lessThan: numeric('lessThan'),
  lessThanInclusive: numeric('lessThanInclusive'),
  greaterThan: numeric('greaterThan'),
  greaterThanInclusive: numeric('greaterThanInclusive'),
  in: list('in'),
  notIn: list('notIn'),
  contains: containment('contains'),
  doesNotContain: containment('doesNotContain'),
  startsWith: {
    name: 'startsWith',
    factTypes: ['string'],
    checkValue: (value) => (typeof value === 'string' && value.length > 0 ? undefined : 'must be a non-empty string'),
  },
  matches: {
    name: 'matches',
    factTypes: ['string'],
    checkValue: (value) => (typeof value === 'string' ? checkSafeRegex(value) : 'must be a regular expression as a string'),
  },
  between: {
    name: 'between',
    factTypes: ['number'],
    checkValue: (value) => {
      if (!Array.isArray(value) || value.length !== 2 || !isNumber(value[0]) || !isNumber(value[1])) return 'must be [min, max], two numbers';
      return value[0] <= value[1] ? undefined : 'min must not be greater than max';
    },
  },
  daysSince: { name: 'daysSince', factTypes: ['date'], checkValue: checkDaysRange },
  withinBusinessHours: { name: 'withinBusinessHours', factTypes: ['date'], checkValue: checkBusinessHours },
};

export const operatorNames = Object.keys(operatorSignatures) as OperatorName[];

export function isOperatorName(name: unknown): name is OperatorName {
  return typeof name === 'string' && Object.hasOwn(operatorSignatures, name);
}
