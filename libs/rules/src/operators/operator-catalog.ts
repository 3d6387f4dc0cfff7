// Every operator by name. json-rules-engine gets all of them through addOperator (replacing its
// own equal, notEqual, lessThan…, in, notIn, contains and doesNotContain), so both evaluators
// compare with the same functions and differ only in how they walk the rules.
import type { OperatorName } from '@stageflow/process-package';
import { betweenOperator } from './between.operator.js';
import { comparisonOperators } from './comparison.operators.js';
import { containsOperator, doesNotContainOperator } from './contains.operator.js';
import { daysSinceOperator } from './days-since.operator.js';
import { inOperator } from './in.operator.js';
import { matchesOperator } from './matches.operator.js';
import { notInOperator } from './not-in.operator.js';
import type { RuleOperator } from './rule-operator.js';
import { startsWithOperator } from './starts-with.operator.js';
import { withinBusinessHoursOperator } from './within-business-hours.operator.js';

export const allOperators: readonly RuleOperator[] = [
  ...comparisonOperators,
  inOperator,
  notInOperator,
  containsOperator,
  doesNotContainOperator,
  startsWithOperator,
  matchesOperator,
  betweenOperator,
  daysSinceOperator,
  withinBusinessHoursOperator,
];

export const operatorCatalog: Readonly<Record<OperatorName, RuleOperator>> = Object.fromEntries(
  allOperators.map((operator) => [operator.name, operator]),
) as Record<OperatorName, RuleOperator>;

/** Operators whose test reads `now`: json-rules-engine gets it through the condition value. */
export const operatorsUsingNow: ReadonlySet<OperatorName> = new Set<OperatorName>(['daysSince']);
