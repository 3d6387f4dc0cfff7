// The hit policy, shared by both evaluators: from the matched rules (in order) to the decision.
import type { JsonValue, RuleSet } from '@stageflow/process-package';
import type { RuleSetDecision } from './evaluation.types.js';

export function decisionOf(ruleSet: RuleSet, matched: ReadonlyArray<{ id: string; result: JsonValue }>): RuleSetDecision {
  const hits = ruleSet.hitPolicy === 'first' ? matched.slice(0, 1) : matched;
  if (hits.length === 0 && ruleSet.fallback !== undefined) {
    return { matchedRuleIds: [], results: [ruleSet.fallback as JsonValue], usedFallback: true };
  }
  return { matchedRuleIds: hits.map(({ id }) => id), results: hits.map(({ result }) => result), usedFallback: false };
}

/**
 * The value a business-rule task writes into its result variable: for `first` the one result
 * (or null), for `all` the list of results.
 */
export function decisionValue(ruleSet: RuleSet, decision: RuleSetDecision): JsonValue {
  return ruleSet.hitPolicy === 'first' ? (decision.results[0] ?? null) : decision.results;
}
