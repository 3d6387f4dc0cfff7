// hasLoopWithoutWaitState: whether one command could go round a loop of the graph without
// stopping at a wait state. Such a loop runs until the step limit, applying its expressions
// thousands of times (`= s + s` doubles a value on every turn), so its commands are not
// bounded by the size of the graph and its inputs.
import type { CompiledProcess, GraphNode, NodeKind } from './process-graph.js';

/** Entering these always parks the token until another command (multi-instance ones aside). */
const WAIT_KINDS = new Set<NodeKind>(['userTask', 'receiveTask', 'intermediateCatchEvent', 'eventBasedGateway', 'serviceTask', 'callActivity']);
/** Nodes that throw an error, escalation, signal or message within the command… */
const THROW_KINDS = new Set<NodeKind>(['errorEndEvent', 'eventThrowEvent', 'eventEndEvent']);
/** …and the nodes that may catch it: as a path, a throw leads to each of them. */
const CATCH_KINDS = new Set<NodeKind>(['boundaryEvent', 'eventSubProcessStart']);

export function hasLoopWithoutWaitState(graph: CompiledProcess): boolean {
  const passing = Object.values(graph.nodes).filter((node) => !waits(node));
  const successors = new Map<string, string[]>(passing.map((node) => [node.id, []]));
  const link = (from: string, to: string) => {
    if (successors.has(to)) successors.get(from)?.push(to);
  };
  for (const flow of Object.values(graph.flows)) link(flow.source, flow.target);
  const catchers = passing.filter((node) => CATCH_KINDS.has(node.kind));
  for (const node of passing) {
    // An error thrown inside a subprocess leaves it through its boundary events.
    for (const boundary of node.boundaries ?? []) link(node.id, boundary);
    if (THROW_KINDS.has(node.kind)) for (const catcher of catchers) link(node.id, catcher.id);
  }
  return !acyclic(successors);
}

function waits(node: GraphNode): boolean {
  return node.async === true || (WAIT_KINDS.has(node.kind) && node.multiInstance === undefined);
}

/** Kahn's algorithm: peel off nodes without predecessors; what remains lies on a cycle. */
function acyclic(successors: Map<string, string[]>): boolean {
  const predecessors = new Map<string, number>([...successors.keys()].map((id) => [id, 0]));
  for (const targets of successors.values()) for (const target of targets) predecessors.set(target, predecessors.get(target)! + 1);
  const free = [...predecessors].filter(([, count]) => count === 0).map(([id]) => id);
  let peeled = 0;
  for (let id = free.pop(); id !== undefined; id = free.pop()) {
    peeled++;
    for (const target of successors.get(id)!) {
      const left = predecessors.get(target)! - 1;
      predecessors.set(target, left);
      if (left === 0) free.push(target);
    }
  }
  return peeled === successors.size;
}
