// The comparisons json-rules-engine has built in, with its semantics — strict (in)equality, and
// for the numeric ones a fact check `Number.parseFloat(fact)` must not be NaN ("12 units" passes
// it and then compares as JavaScript does, which is false against a number) — with one change:
// they never throw. json-rules-engine's own throw on a JSON object like {"toString": 0} (the
// conversion to a number fails), which would turn a bad variable into a failed command. Both
// evaluators use these (the reference registers them over the built-ins).
import { simpleOperator, type RuleOperator } from './rule-operator.js';

const numeric = (factValue: unknown): boolean => Number.parseFloat(factValue as string).toString() !== 'NaN';

function safely(compare: (a: number, b: number) => boolean): (a: unknown, b: unknown) => boolean {
  return (a, b) => {
    try {
      return numeric(a) && compare(a as number, b as number);
    } catch {
      return false;
    }
  };
}

export const equalOperator: RuleOperator = simpleOperator('equal', (a, b) => a === b);
export const notEqualOperator: RuleOperator = simpleOperator('notEqual', (a, b) => a !== b);
export const lessThanOperator: RuleOperator = simpleOperator(
  'lessThan',
  safely((a, b) => a < b),
);
export const lessThanInclusiveOperator: RuleOperator = simpleOperator(
  'lessThanInclusive',
  safely((a, b) => a <= b),
);
export const greaterThanOperator: RuleOperator = simpleOperator(
  'greaterThan',
  safely((a, b) => a > b),
);
export const greaterThanInclusiveOperator: RuleOperator = simpleOperator(
  'greaterThanInclusive',
  safely((a, b) => a >= b),
);

export const comparisonOperators: readonly RuleOperator[] = [
  equalOperator,
  notEqualOperator,
  lessThanOperator,
  lessThanInclusiveOperator,
  greaterThanOperator,
  greaterThanInclusiveOperator,
];
