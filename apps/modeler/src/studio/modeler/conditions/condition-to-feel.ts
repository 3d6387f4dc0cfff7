// Model -> FEEL text, as the diagram stores it (`= …`, the stageflow convention for FEEL). The
// FEEL is plain enough for an analyst to read in the text tab, and exactly what fromFeel reads
// back: the two are tested as a round trip and against feelin's evaluation.
import { rowProblem, type ConditionModel, type ConditionRow, type ConditionValue } from './condition-model';

const COMPARISON: Partial<Record<ConditionRow['operator'], string>> = { eq: '=', neq: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/** The FEEL of a complete model ('' for no rows: no condition). Throws on an incomplete row. */
export function toFeel(model: ConditionModel): string {
  if (model.rows.length === 0) return '';
  const several = model.rows.length > 1;
  const rows = model.rows.map((row) => rowFeel(row, several));
  return `= ${rows.join(model.combinator === 'all' ? ' and ' : ' or ')}`;
}

function rowFeel(row: ConditionRow, combined: boolean): string {
  const problem = rowProblem(row);
  if (problem) throw new Error(`condition row on '${row.field}' is incomplete (${problem})`);
  // A date is compared as a day: variables hold JSON, so the field's text becomes a date first.
  const subject = row.values[0]?.type === 'date' ? `date(${row.field})` : row.field;
  const comparison = COMPARISON[row.operator];
  if (comparison) return `${subject} ${comparison} ${literal(row.values[0]!)}`;
  switch (row.operator) {
    case 'isEmpty':
      return `${row.field} = null`;
    case 'isNotEmpty':
      return `${row.field} != null`;
    case 'contains':
      return `contains(${row.field}, ${literal(row.values[0]!)})`;
    case 'in':
      return parenthesized(`${subject} in (${row.values.map(literal).join(', ')})`, combined);
    default:
      return parenthesized(`${subject} between ${literal(row.values[0]!)} and ${literal(row.values[1]!)}`, combined);
  }
}

/** `between … and …` and `in (…)` read unambiguously beside other rows in parentheses. */
function parenthesized(feel: string, combined: boolean): string {
  return combined ? `(${feel})` : feel;
}

export function literal(value: ConditionValue): string {
  switch (value.type) {
    case 'string':
      return stringLiteral(value.value);
    case 'number':
      return String(value.value);
    case 'boolean':
      return value.value ? 'true' : 'false';
    case 'date':
      return `date(${stringLiteral(value.value)})`;
  }
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A FEEL string literal: backslash, quote and line breaks escaped (a raw line break does not parse). */
export function stringLiteral(text: string): string {
  return `"${text.replace(/[\\"\n\r\t]/g, (character) => ESCAPES[character]!)}"`;
}
