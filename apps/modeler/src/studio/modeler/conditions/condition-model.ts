// The condition builder's model: rows of field / operator / value(s), combined by all (and) or
// any (or). It is what the builder shows; FEEL text is what the diagram stores (toFeel /
// fromFeel). Only the common cases are rows — anything else stays FEEL text.

export type ValueType = 'string' | 'number' | 'boolean' | 'date';

export type ConditionValue =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  /** A calendar day, `YYYY-MM-DD`: written `date("…")`, the field compared as `date(field)`. */
  | { type: 'date'; value: string };

export type ConditionOperator = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'isEmpty' | 'isNotEmpty' | 'contains' | 'in' | 'between';

export type Combinator = 'all' | 'any';

export interface ConditionRow {
  /** A dotted path of plain names: `lead.budget`, `params.slaHours`. */
  field: string;
  operator: ConditionOperator;
  /** As many as the operator takes (OPERATORS[operator].arity), all of one type. */
  values: ConditionValue[];
}

export interface ConditionModel {
  combinator: Combinator;
  rows: ConditionRow[];
}

export interface OperatorSpec {
  /** How many values: a fixed count, or 'many' (one or more). */
  arity: 0 | 1 | 2 | 'many';
  /** The value types it takes (none for the emptiness tests). */
  types: readonly ValueType[];
}

export const OPERATORS: Readonly<Record<ConditionOperator, OperatorSpec>> = {
  eq: { arity: 1, types: ['string', 'number', 'boolean', 'date'] },
  neq: { arity: 1, types: ['string', 'number', 'boolean', 'date'] },
  lt: { arity: 1, types: ['number', 'date'] },
  lte: { arity: 1, types: ['number', 'date'] },
  gt: { arity: 1, types: ['number', 'date'] },
  gte: { arity: 1, types: ['number', 'date'] },
  isEmpty: { arity: 0, types: [] },
  isNotEmpty: { arity: 0, types: [] },
  contains: { arity: 1, types: ['string'] },
  in: { arity: 'many', types: ['string', 'number', 'date'] },
  between: { arity: 2, types: ['number', 'date'] },
};

export const CONDITION_OPERATORS = Object.keys(OPERATORS) as ConditionOperator[];

/** The operators that apply to a field of this type (all of them for an untyped field). */
export function operatorsFor(type: ValueType | undefined): ConditionOperator[] {
  return CONDITION_OPERATORS.filter((operator) => type === undefined || OPERATORS[operator].arity === 0 || OPERATORS[operator].types.includes(type));
}

/** FEEL's reserved words: a path segment spelled like one would not read as a name. */
const RESERVED = new Set([
  'true',
  'false',
  'null',
  'and',
  'or',
  'not',
  'in',
  'between',
  'instance',
  'of',
  'function',
  'for',
  'return',
  'if',
  'then',
  'else',
  'some',
  'every',
  'satisfies',
]);
const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isFieldPath(path: string): boolean {
  const segments = path.split('.');
  return segments.every((segment) => SEGMENT.test(segment) && !RESERVED.has(segment));
}

/** A real calendar day written YYYY-MM-DD (what FEEL's date("…") accepts without a time). */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A number FEEL writes as plain digits (no NaN, infinity or exponent form). */
export function isPlainNumber(value: number): boolean {
  return Number.isFinite(value) && !String(value).includes('e');
}

export type RowProblem = 'field' | 'values' | 'value' | 'range';

/** What keeps a row from being written as FEEL, or undefined when it is complete. */
export function rowProblem(row: ConditionRow): RowProblem | undefined {
  if (!isFieldPath(row.field)) return 'field';
  const spec = OPERATORS[row.operator];
  const count = row.values.length;
  if (spec.arity === 'many' ? count === 0 : count !== spec.arity) return 'values';
  const type = row.values[0]?.type;
  if (type !== undefined && (!spec.types.includes(type) || row.values.some((value) => value.type !== type))) return 'values';
  for (const value of row.values) {
    if (value.type === 'number' && !isPlainNumber(value.value)) return 'value';
    if (value.type === 'date' && !isCalendarDay(value.value)) return 'value';
  }
  // FEEL says low <= x <= high; feelin also accepts the bounds the other way round. A reversed
  // range is a slip either way, and its meaning would depend on the engine.
  if (row.operator === 'between' && row.values[0]!.value > row.values[1]!.value) return 'range';
  return undefined;
}

export function isCompleteModel(model: ConditionModel): boolean {
  return model.rows.every((row) => rowProblem(row) === undefined);
}

export const EMPTY_CONDITION: ConditionModel = { combinator: 'all', rows: [] };
