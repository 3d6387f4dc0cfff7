// `startsWith`: a text fact begins with the value (case-sensitive), e.g. a postcode area "80".
import { simpleOperator, type RuleOperator } from './rule-operator.js';

export const startsWithOperator: RuleOperator = simpleOperator(
  'startsWith',
  (factValue, value) => typeof factValue === 'string' && typeof value === 'string' && factValue.startsWith(value),
);
