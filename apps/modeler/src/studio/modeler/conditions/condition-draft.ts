// What the builder edits: the model's rows with their values as typed (text), so a half-typed
// number or day stays as the analyst left it. draftToModel turns a complete draft into the model
// (toFeel writes it); each incomplete row says what is missing.
import {
  isCalendarDay,
  isFieldPath,
  isPlainNumber,
  OPERATORS,
  operatorsFor,
  rowProblem,
  type Combinator,
  type ConditionModel,
  type ConditionOperator,
  type ConditionRow,
  type ConditionValue,
  type RowProblem,
  type ValueType,
} from './condition-model';

/** A field the builder offers: its path in FEEL, its label, the type of its values. */
export interface ConditionField {
  path: string;
  label: string;
  type: ValueType;
}

export interface DraftRow {
  /** Stable across edits: the React key of the row. */
  key: number;
  field: string;
  operator: ConditionOperator;
  /** The value type: the field's, or (for a field not in the list) what the text gave. */
  type: ValueType;
  /** The values as typed: one per value the operator takes (a list for `in`). */
  inputs: string[];
}

export interface ConditionDraft {
  combinator: Combinator;
  rows: DraftRow[];
}

let nextKey = 1;

export function draftFromModel(model: ConditionModel, fields: readonly ConditionField[]): ConditionDraft {
  return {
    combinator: model.combinator,
    rows: model.rows.map((row) => ({
      key: nextKey++,
      field: row.field,
      operator: row.operator,
      type: row.values[0]?.type ?? fieldType(row.field, fields) ?? 'string',
      inputs: row.values.map(inputOf),
    })),
  };
}

function inputOf(value: ConditionValue): string {
  return typeof value.value === 'string' ? value.value : String(value.value);
}

function fieldType(path: string, fields: readonly ConditionField[]): ValueType | undefined {
  return fields.find((field) => field.path === path)?.type;
}

/** A new row on the first field (or none), comparing with `=`. */
export function newRow(fields: readonly ConditionField[]): DraftRow {
  const field = fields[0];
  return { key: nextKey++, field: field?.path ?? '', operator: 'eq', type: field?.type ?? 'string', inputs: [''] };
}

/** Another field: its type decides the operators; values typed for another type are dropped. */
export function withField(row: DraftRow, path: string, fields: readonly ConditionField[]): DraftRow {
  const type = fieldType(path, fields) ?? row.type;
  if (type === row.type) return { ...row, field: path };
  const operator = operatorsFor(type).includes(row.operator) ? row.operator : 'eq';
  return { ...row, field: path, type, operator, inputs: inputsFor(operator, []) };
}

/** Another operator: the values kept as far as it takes them. */
export function withOperator(row: DraftRow, operator: ConditionOperator): DraftRow {
  return { ...row, operator, inputs: inputsFor(operator, row.inputs) };
}

function inputsFor(operator: ConditionOperator, inputs: readonly string[]): string[] {
  const { arity } = OPERATORS[operator];
  if (arity === 'many') return inputs.filter((input) => input.trim() !== '');
  return Array.from({ length: arity }, (_, index) => inputs[index] ?? '');
}

export type DraftProblem = RowProblem;

export type DraftResult = { ok: true; model: ConditionModel } | { ok: false; problems: (DraftProblem | undefined)[] };

/** The model, or for each row what keeps it from being written (undefined: the row is fine). */
export function draftToModel(draft: ConditionDraft): DraftResult {
  const rows: ConditionRow[] = [];
  const problems = draft.rows.map((draftRow) => {
    if (!isFieldPath(draftRow.field)) return 'field' as const;
    const values = draftRow.inputs.map((input) => valueOf(draftRow.type, input));
    if (draftRow.inputs.some((input) => input.trim() === '')) return 'values' as const;
    if (values.some((value) => value === undefined)) return 'value' as const;
    const row: ConditionRow = { field: draftRow.field, operator: draftRow.operator, values: values as ConditionValue[] };
    const problem = rowProblem(row);
    if (!problem) rows.push(row);
    return problem;
  });
  return problems.some(Boolean) ? { ok: false, problems } : { ok: true, model: { combinator: draft.combinator, rows } };
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** The typed text as a value of the type, or undefined when it is none. */
function valueOf(type: ValueType, input: string): ConditionValue | undefined {
  switch (type) {
    case 'string':
      return { type, value: input };
    case 'number': {
      const text = input.trim();
      const value = Number(text);
      return PLAIN_NUMBER.test(text) && isPlainNumber(value) ? { type, value: value === 0 ? 0 : value } : undefined;
    }
    case 'boolean':
      return input === 'true' || input === 'false' ? { type, value: input === 'true' } : undefined;
    case 'date':
      return isCalendarDay(input.trim()) ? { type, value: input.trim() } : undefined;
  }
}
