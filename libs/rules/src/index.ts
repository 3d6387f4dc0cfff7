// @stageflow/rules: rule sets evaluated — json-rules-engine as the reference semantics (dry run)
// and a compiled evaluator for the hot path, with the operators sales rules need. Pure: no
// clock (the caller passes `now`), database, network or file system.
//
// Operators: equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive
// (json-rules-engine's), in, notIn, contains, doesNotContain, startsWith, matches (safe,
// bounded regex), between, daysSince, withinBusinessHours. The format and its deploy-time
// validation live in @stageflow/process-package (validateRuleSet). Templates of actions are
// liquidjs, sandboxed (TemplateRenderer); the action runners are the engine's.

// Facts
export type { FactResolver } from './facts/fact-resolver.js';
export { variablesFactResolver, chainFactResolvers } from './facts/fact-resolver.js';

// Operators
export type { RuleOperator, OperatorTest } from './operators/rule-operator.js';
export { operatorCatalog } from './operators/operator-catalog.js';

// Evaluation
export type { RuleSetDecision, RuleSetEvaluation, RuleExplanation, ConditionExplanation } from './evaluation/evaluation.types.js';
export { ReferenceEvaluator } from './evaluation/reference-evaluator.js';
export type { CompiledRuleSet } from './evaluation/compile-rule-set.js';
export { compileRuleSet } from './evaluation/compile-rule-set.js';
export { decisionValue } from './evaluation/decide.js';

// Exit criteria of a stage: the refusals of a move (every matching rule of an exitCriteria rule set)
export type { ExitCriterionRefusal, StageMoveFacts } from './exit-criteria/exit-criteria.js';
export { exitCriteriaRefusals, stageMoveFactResolver } from './exit-criteria/exit-criteria.js';

// Assignment strategies: pure choice of a user from candidates the engine loads
export type { AssignmentCandidate, AssignmentChoice } from './assignment/assignment.types.js';
export type { SelectionInput } from './assignment/select-assignee.js';
export { selectAssignee } from './assignment/select-assignee.js';
export { hasSkills } from './assignment/skill-match.strategy.js';

// Templates (liquidjs, sandboxed: in-memory templates only, no globals, bounded)
export type { TemplateRender } from './templates/template-renderer.js';
export { TemplateRenderer, templateLimits } from './templates/template-renderer.js';
export type { DeployedTemplates } from './templates/action-templates.check.js';
export { checkActionTemplates, checkActionTemplate } from './templates/action-templates.check.js';
export type { ActionRender } from './templates/render-action.js';
export { renderAction } from './templates/render-action.js';
