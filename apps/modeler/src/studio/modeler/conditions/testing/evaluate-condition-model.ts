// The model's own meaning, written from FEEL's rules rather than with feelin, so the property
// spec can check that the FEEL toFeel writes means what the rows say: three-valued logic (a
// comparison with null is null, except = and != which are false/true; `in` with null is false),
// missing paths read as null, and a day field compared through date(field) (a text that is no
// day becomes null). Facts hold JSON, as process variables do.
import type { ConditionModel, ConditionRow, ConditionValue } from '../condition-model';
import { isCalendarDay } from '../condition-model';

export type Facts = Record<string, unknown>;
type Truth = boolean | null;

export function evaluateConditionModel(model: ConditionModel, facts: Facts): Truth {
  const results = model.rows.map((row) => evaluateRow(row, facts));
  if (model.combinator === 'all') return results.includes(false) ? false : results.includes(null) ? null : true;
  return results.includes(true) ? true : results.includes(null) ? null : false;
}

function read(facts: Facts, path: string): unknown {
  let current: unknown = facts;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null || !(segment in current)) return null;
    current = (current as Record<string, unknown>)[segment];
  }
  return current === undefined ? null : current;
}

function evaluateRow(row: ConditionRow, facts: Facts): Truth {
  const raw = read(facts, row.field);
  if (row.operator === 'isEmpty') return raw === null;
  if (row.operator === 'isNotEmpty') return raw !== null;
  const type = row.values[0]!.type;
  const subject = type === 'date' ? (typeof raw === 'string' && isCalendarDay(raw) ? raw : null) : raw;
  const values = row.values.map((value: ConditionValue) => value.value);
  const sameType = subject !== null && typeof subject === (type === 'date' ? 'string' : type);
  switch (row.operator) {
    case 'eq':
      return subject === null ? false : sameType ? subject === values[0] : null;
    case 'neq':
      return subject === null ? true : sameType ? subject !== values[0] : null;
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return sameType ? compare(row.operator, subject as number | string, values[0] as number | string) : null;
    case 'contains':
      return typeof subject === 'string' ? subject.includes(values[0] as string) : null;
    case 'in':
      return sameType && values.includes(subject as never);
    case 'between':
      return sameType ? (values[0] as number | string) <= (subject as number | string) && (subject as number | string) <= (values[1] as number | string) : null;
  }
}

function compare(operator: 'lt' | 'lte' | 'gt' | 'gte', left: number | string, right: number | string): boolean {
  if (operator === 'lt') return left < right;
  if (operator === 'lte') return left <= right;
  if (operator === 'gt') return left > right;
  return left >= right;
}
