// `notIn`: the fact equals none of the listed values. A missing fact is in no list, so it passes
// (as with json-rules-engine's built-in); guard it with another condition when that matters.
import { compileMembership, listIncludes } from './in.operator.js';
import type { RuleOperator } from './rule-operator.js';

export const notInOperator: RuleOperator = {
  name: 'notIn',
  test: (factValue, value) => Array.isArray(value) && !listIncludes(value, factValue),
  compile: (value) => {
    if (!Array.isArray(value)) return () => false;
    const has = compileMembership(value);
    return (factValue) => !has(factValue);
  },
};
