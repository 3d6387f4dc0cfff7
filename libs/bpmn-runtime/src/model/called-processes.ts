// calledProcesses: the process keys a deployed process calls (its call activities, in any
// scope), so the engine can check at deploy that each key exists (in the deployment or
// already deployed) and name the call activity when one does not.
import type { ProcessGraph } from '../contract/definition.js';
import { isCompiledProcess } from './process-graph.js';

export interface CalledProcess {
  /** The call activity. */
  elementId: string;
  /** Its `calledElement`: the key of the process it starts. */
  processKey: string;
}

export function calledProcesses(graph: ProcessGraph): CalledProcess[] {
  if (!isCompiledProcess(graph)) throw new Error('The graph is not a process compiled by compileBpmn');
  const calls: CalledProcess[] = [];
  for (const node of Object.values(graph.nodes)) {
    if (node.kind === 'callActivity' && node.calledElement !== undefined) calls.push({ elementId: node.id, processKey: node.calledElement });
  }
  return calls;
}
