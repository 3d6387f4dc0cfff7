// Inclusive gateway. Split: every outgoing flow whose condition is true is taken (the
// default flow only when none is); no match and no default -> incident. Join: waits only
// for tokens that can still arrive, i.e. fires when no other token of the scope sits on a
// node from which the join is reachable without passing through it (`upstream`, computed
// at compile time). The interpreter re-checks waiting joins whenever the agenda drains.
import type { ExecutionContext } from '../../context/execution-context.js';
import type { GraphNode } from '../../model/process-graph.js';
import type { Token } from '../../state/instance-state.js';
import type { Behavior } from '../behavior.js';
import { tokenScope } from '../../state/scope-variables.js';

function split(execution: ExecutionContext, token: Token, node: GraphNode): void {
  const scopeId = tokenScope(token);
  const taken: string[] = [];
  for (const flowId of node.outgoing) {
    if (flowId === node.defaultFlow) continue;
    const result = execution.evaluateCondition(execution.flow(flowId), scopeId);
    if (!result.ok) {
      execution.raiseIncident(token, result.message);
      return;
    }
    if (result.value) taken.push(flowId);
  }
  if (taken.length === 0 && node.defaultFlow !== undefined) taken.push(node.defaultFlow);
  if (taken.length === 0) {
    execution.raiseIncident(token, `No outgoing flow of inclusive gateway '${node.id}' has a true condition and there is no default flow`);
    return;
  }
  execution.leave(token, node, taken);
}

/** Merges the waiting tokens (one per incoming flow that has arrivals) and splits. */
function fire(execution: ExecutionContext, anyWaiting: Token, node: GraphNode): void {
  const selected: Token[] = [];
  for (const flowId of node.incoming) {
    const arrived = execution.state.tokens.find((t) => t.wait === 'join' && t.nodeId === node.id && t.scopeId === anyWaiting.scopeId && t.via === flowId);
    if (arrived) selected.push(arrived);
  }
  const [continuing, ...merged] = selected;
  if (!continuing) return;
  // Every arrival entered the join, so every merged arrival leaves it too: the engine's list
  // of active elements and the history's entered/left pairs stay balanced.
  for (const other of merged) {
    execution.removeToken(other);
    execution.emit({ type: 'ElementLeft', elementId: node.id, elementType: node.type });
  }
  execution.resume(continuing);
  split(execution, continuing, node);
}

export const inclusiveGatewayBehavior: Behavior = {
  enter(execution, token, node, via) {
    if (node.incoming.length <= 1 || via === undefined) {
      split(execution, token, node);
      return;
    }
    execution.park(token, 'join');
    token.via = via;
    if (execution.inclusiveJoinReady(node, token.scopeId)) fire(execution, token, node);
  },
  // Called by the interpreter for a waiting join that has become ready.
  complete(execution, token, node) {
    fire(execution, token, node);
  },
};
