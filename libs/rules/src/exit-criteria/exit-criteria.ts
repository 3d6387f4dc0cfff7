// A stage's exit criteria (`stageflow:exitCriteria`, an `exitCriteria` rule set): every matching
// rule refuses the move out of the stage with its reason. The engine evaluates the rule set on
// the facts of the move (the record, the instance's variables, the move, the open tasks) and
// turns the decision into the refusals the API answers with; none means the move may happen.
import type { ExitCriterionResult, JsonValue, RuleSet } from '@stageflow/process-package';
import type { FactResolver } from '../facts/fact-resolver.js';
import { variablesFactResolver, chainFactResolvers } from '../facts/fact-resolver.js';
import type { RuleSetDecision } from '../evaluation/evaluation.types.js';

/** Why a move is refused: the rule that matched and its result. */
export interface ExitCriterionRefusal extends ExitCriterionResult {
  /** The rule of the exit-criteria rule set that refused the move. */
  ruleId: string;
}

/** What a move out of a stage is checked on. */
export interface StageMoveFacts {
  /** The record the instance is about (`record.*`), when it has one. */
  record?: { [name: string]: JsonValue };
  /** The package parameters of the instance (`params.*`), when it has a package. */
  params?: { [name: string]: JsonValue };
  /** The variables visible at the stage's element. */
  variables: { [name: string]: JsonValue };
  move: { from: string; to: string; reason: string | null };
  /** Element ids and names of the instance's other open tasks (not the stage's own task). */
  openTasks: { elementId: string; name: string | null }[];
}

/**
 * The facts an exit-criteria rule set sees: `record`, `params`, `move` {from, to, reason}, `openTasks`
 * (element ids), `openTaskNames` (names) — these five win over variables of the same name —
 * then every visible variable by its name.
 */
export function stageMoveFactResolver(facts: StageMoveFacts): FactResolver {
  const own: { [name: string]: JsonValue } = {
    move: facts.move,
    openTasks: facts.openTasks.map((task) => task.elementId),
    openTaskNames: facts.openTasks.flatMap((task) => (task.name === null ? [] : [task.name])),
  };
  if (facts.record !== undefined) own.record = facts.record;
  if (facts.params !== undefined) own.params = facts.params;
  return chainFactResolvers(variablesFactResolver(own), variablesFactResolver(facts.variables));
}

/** The refusals of an exitCriteria rule set's decision: one per matching rule, in evaluation order. */
export function exitCriteriaRefusals(ruleSet: RuleSet, decision: RuleSetDecision): ExitCriterionRefusal[] {
  if (ruleSet.kind !== 'exitCriteria') throw new Error(`rule set ${ruleSet.key} is a ${ruleSet.kind} rule set, not an exitCriteria rule set`);
  return decision.matchedRuleIds.map((ruleId, index) => ({ ruleId, ...(decision.results[index] as unknown as ExitCriterionResult) }));
}
