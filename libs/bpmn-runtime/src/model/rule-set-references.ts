// ruleSetReferences: the rule-set keys a deployed process evaluates (its business-rule tasks'
// stageflow:ruleSet and its user tasks' stageflow:assignment, in any scope), so the engine can check at deploy that each key exists (in the deployment or
// already deployed) and name the task when one does not — and knows which rule sets to hand
// the interpreter for an instance of it.
import type { ProcessGraph } from '../contract/definition.js';
import { isCompiledProcess } from './process-graph.js';

export interface RuleSetReference {
  /** The business-rule task or user task. */
  elementId: string;
  /** Its `stageflow:ruleSet` or `stageflow:assignment`. */
  ruleSetKey: string;
  /** Which attribute refers to it: `assignment` must name an assignment rule set, `exitCriteria` an exitCriteria one. */
  attribute: 'ruleSet' | 'assignment' | 'exitCriteria';
}

export function ruleSetReferences(graph: ProcessGraph): RuleSetReference[] {
  if (!isCompiledProcess(graph)) throw new Error('The graph is not a process compiled by compileBpmn');
  const references: RuleSetReference[] = [];
  for (const node of Object.values(graph.nodes)) {
    if (node.kind === 'businessRuleTask' && node.businessRule)
      references.push({ elementId: node.id, ruleSetKey: node.businessRule.ruleSet, attribute: 'ruleSet' });
    if (node.kind === 'userTask' && node.userTask?.assignment !== undefined)
      references.push({ elementId: node.id, ruleSetKey: node.userTask.assignment, attribute: 'assignment' });
  }
  return references;
}

/**
 * The exitCriteria rule sets of a process's stages (`stageflow:exitCriteria` on the user task a
 * stage waits at), for the deploy check. Not part of ruleSetReferences: the interpreter never
 * evaluates them (the engine does, when a move is asked for), so they are not shipped with commands.
 */
export function exitCriteriaReferences(graph: ProcessGraph): RuleSetReference[] {
  if (!isCompiledProcess(graph)) throw new Error('The graph is not a process compiled by compileBpmn');
  return Object.values(graph.nodes).flatMap((node) =>
    node.stageMoves?.exitCriteria === undefined ? [] : [{ elementId: node.id, ruleSetKey: node.stageMoves.exitCriteria, attribute: 'exitCriteria' as const }],
  );
}
