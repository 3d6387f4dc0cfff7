// stageElements: the elements of a process that belong to a stage (`stageflow:stage`), with the
// moves a stage's user task accepts (`stageflow:moves`) and their exit criteria — what the engine
// reads to answer "may this record move to that stage, from where the process stands?".
import type { ProcessGraph } from '../contract/definition.js';
import { isCompiledProcess } from './process-graph.js';

export interface StageElement {
  elementId: string;
  /** The element's name, for messages. */
  name?: string;
  stage: string;
  /** The user task a stage waits at: the stages a move may go to from here (empty: none). */
  moves: string[];
  /** The exitCriteria rule set a move from here must pass. */
  exitCriteria?: string;
}

/** Every element with a stage, by element id. */
export function stageElements(graph: ProcessGraph): Record<string, StageElement> {
  if (!isCompiledProcess(graph)) throw new Error('The graph is not a process compiled by compileBpmn');
  const elements: Record<string, StageElement> = {};
  for (const node of Object.values(graph.nodes)) {
    if (node.stage === undefined) continue;
    elements[node.id] = {
      elementId: node.id,
      ...(node.name === undefined ? {} : { name: node.name }),
      stage: node.stage,
      moves: node.stageMoves?.moves ?? [],
      ...(node.stageMoves?.exitCriteria === undefined ? {} : { exitCriteria: node.stageMoves.exitCriteria }),
    };
  }
  return elements;
}
