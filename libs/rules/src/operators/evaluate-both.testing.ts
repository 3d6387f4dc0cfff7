// For operator specs: the answer of an operator's direct test (what json-rules-engine calls)
// and of its compiled form; throws when they differ, so each spec checks both.
import type { RuleOperator } from './rule-operator.js';

export function evaluateBoth(operator: RuleOperator, factValue: unknown, value: unknown, now = 0): boolean {
  const direct = operator.test(factValue, value, now);
  const compiled = operator.compile(value)(factValue, now);
  if (direct !== compiled) throw new Error(`${operator.name}: test gave ${direct}, compiled gave ${compiled} for ${JSON.stringify([factValue, value])}`);
  return direct;
}
