// `between`: a number fact within [min, max], both ends included ("50 to 250 employees").
import { simpleOperator, type RuleOperator } from './rule-operator.js';

export const betweenOperator: RuleOperator = simpleOperator(
  'between',
  (factValue, value) =>
    typeof factValue === 'number' &&
    Array.isArray(value) &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    value[0] <= factValue &&
    factValue <= value[1],
);
