// elementNames: the names the diagram gives its elements, by element id — what a record's page shows
// where the process waits ("Waits at: Check for duplicates"), since an id is the modeller's word and
// the name is the seller's. An element without a name is left out: the caller shows its id.
import type { ProcessGraph } from '../contract/definition.js';
import { isCompiledProcess } from './process-graph.js';

/** Every named element of the process (embedded subprocesses' elements too), by element id. */
export function elementNames(graph: ProcessGraph): Record<string, string> {
  if (!isCompiledProcess(graph)) throw new Error('The graph is not a process compiled by compileBpmn');
  const names: Record<string, string> = {};
  for (const node of Object.values(graph.nodes)) if (node.name !== undefined && node.name.trim() !== '') names[node.id] = node.name;
  return names;
}
