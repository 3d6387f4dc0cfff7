// `contains` / `doesNotContain`: a list fact holds the value (===), or a text fact holds the
// value as a substring ("company contains GmbH"). Anything else is no container: both fail.
import { simpleOperator, type RuleOperator } from './rule-operator.js';

/** true / false when `factValue` is a list or a text (with a text value), undefined otherwise. */
function holds(factValue: unknown, value: unknown): boolean | undefined {
  if (Array.isArray(factValue)) return factValue.includes(value);
  if (typeof factValue === 'string' && typeof value === 'string') return factValue.includes(value);
  return undefined;
}

export const containsOperator: RuleOperator = simpleOperator('contains', (factValue, value) => holds(factValue, value) === true);

export const doesNotContainOperator: RuleOperator = simpleOperator('doesNotContain', (factValue, value) => holds(factValue, value) === false);
