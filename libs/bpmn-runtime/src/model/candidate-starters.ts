// candidateStartersOf: who a deployed process says may start it from the API
// (`stageflow:candidateStarterGroups` / `candidateStarterUsers` on bpmn:process, literal lists),
// so the engine can decide a caller's start without knowing the graph's shape.
import type { ProcessGraph } from '../contract/definition.js';
import { isCompiledProcess, type CandidateStarters } from './process-graph.js';

export type { CandidateStarters } from './process-graph.js';

/** The declared starters; undefined when the process declares none (or the graph was compiled before they existed). */
export function candidateStartersOf(graph: ProcessGraph): CandidateStarters | undefined {
  if (!isCompiledProcess(graph)) throw new Error('The graph is not a process compiled by compileBpmn');
  const starters = graph.candidateStarters;
  return starters ? { groups: [...starters.groups], users: [...starters.users] } : undefined;
}
