// messageNames: the names of the messages a process catches or throws (message start, catch,
// boundary, end and throw events, receive and send tasks), once each, sorted — what the engine
// lists for the modeler's message-name picker.
import type { ProcessGraph } from '../contract/definition.js';
import { isCompiledProcess } from './process-graph.js';

export function messageNames(graph: ProcessGraph): string[] {
  if (!isCompiledProcess(graph)) throw new Error('The graph is not a process compiled by compileBpmn');
  const names = new Set<string>();
  for (const node of Object.values(graph.nodes)) {
    if (node.event?.kind === 'message') names.add(node.event.name);
  }
  return [...names].sort();
}
