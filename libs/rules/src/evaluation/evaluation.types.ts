// What an evaluation returns: the decision, and for the dry run the explanation of every rule.
import type { FactCondition, JsonValue, OperatorName } from '@stageflow/process-package';

/** The matching rules and their results, by the rule set's hit policy. */
export interface RuleSetDecision {
  /** Ids of the matched rules, in evaluation order (priority, then position); at most one for `first`. */
  matchedRuleIds: string[];
  /** Their results in the same order, or `[fallback]` when nothing matched and there is a fallback. */
  results: JsonValue[];
  usedFallback: boolean;
}

export type ConditionExplanation =
  | { all: ConditionExplanation[]; passed: boolean }
  | { any: ConditionExplanation[]; passed: boolean }
  | { not: ConditionExplanation; passed: boolean }
  | (Pick<FactCondition, 'fact' | 'path'> & { operator: OperatorName; value: JsonValue; factValue: unknown; passed: boolean });

export interface RuleExplanation {
  id: string;
  priority: number;
  matched: boolean;
  conditions: ConditionExplanation;
}

/** A decision with, for every rule in evaluation order, which conditions passed or failed. */
export interface RuleSetEvaluation extends RuleSetDecision {
  rules: RuleExplanation[];
}
