// The order rules are tried in: higher priority first (json-rules-engine's rule priority,
// 1 by default); rules of equal priority in the order they are written.
import type { Rule, RuleSet } from '@stageflow/process-package';

export const defaultPriority = 1;

/** The rules of a set in evaluation order (results typed loosely: every kind goes through here). */
export function orderRules(ruleSet: RuleSet): Array<Rule<unknown>> {
  return (ruleSet.rules as ReadonlyArray<Rule<unknown>>)
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => (b.rule.priority ?? defaultPriority) - (a.rule.priority ?? defaultPriority) || a.index - b.index)
    .map(({ rule }) => rule);
}
