// Whether a token is one inner instance of a multi-instance activity: used by the multi-instance
// behavior and by src/throw (a boundary on the body catches what its inner instances throw).
import type { ExecutionContext } from '../context/execution-context.js';
import type { GraphNode } from '../model/process-graph.js';
import type { Token } from '../state/instance-state.js';

/** True for the token of an inner instance (its scope instance belongs to the same element). */
export function isInnerInstance(execution: ExecutionContext, token: Token, node: GraphNode): boolean {
  return execution.state.scopes[token.scopeId]?.nodeId === node.id;
}
