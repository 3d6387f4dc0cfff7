// `in`: the fact equals (===) one of the listed values. Replaces json-rules-engine's own `in`,
// whose `value.indexOf` throws when a value is not a list; compiled, a long list becomes a Set.
import type { RuleOperator } from './rule-operator.js';

const setFrom = 8;

export function listIncludes(list: unknown, factValue: unknown): boolean {
  return Array.isArray(list) && list.includes(factValue);
}

export function compileMembership(list: unknown): (factValue: unknown) => boolean {
  if (!Array.isArray(list)) return () => false;
  if (list.length >= setFrom) {
    const set = new Set<unknown>(list);
    return (factValue) => set.has(factValue);
  }
  const items = [...list];
  return (factValue) => items.includes(factValue);
}

export const inOperator: RuleOperator = {
  name: 'in',
  test: (factValue, value) => listIncludes(value, factValue),
  compile: (value) => {
    const has = compileMembership(value);
    return (factValue) => has(factValue);
  },
};
