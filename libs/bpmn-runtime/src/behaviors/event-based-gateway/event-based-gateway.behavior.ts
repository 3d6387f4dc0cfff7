// Event-based gateway: the token waits at the gateway holding the catches of every event
// after it (timer, message and signal intermediate catch events, receive tasks). The first
// to fire wins: the others are cancelled/closed and the token passes to the winner, which
// completes at once with the event's data. Deploy refuses any other kind of target.
import type { ExecutionContext } from '../../context/execution-context.js';
import { closeCatches, openCatch } from '../../catch/catch-subscriptions.js';
import type { GraphNode } from '../../model/process-graph.js';
import type { Catch, Token } from '../../state/instance-state.js';
import type { Behavior } from '../behavior.js';

export const eventBasedGatewayBehavior: Behavior = {
  enter(execution, token, node) {
    for (const flowId of node.outgoing) {
      const target = execution.node(execution.flow(flowId).target);
      const opened = openCatch(execution, token, target);
      if (!opened.ok) {
        closeCatches(execution, token);
        execution.raiseIncident(token, opened.message);
        return;
      }
    }
    execution.park(token, 'catch');
  },
};

/**
 * Called by a catching node's trigger: when `token` waits at an event-based gateway, the
 * event `node` won — the gateway is left towards it (other catches closed) and the token
 * enters `node`. Returns false when the token already sat at `node` itself.
 */
export function arriveFromEventBasedGateway(execution: ExecutionContext, token: Token, node: GraphNode, entry: Catch): boolean {
  if (token.nodeId === node.id) return false;
  const gateway = execution.node(token.nodeId);
  execution.emit({ type: 'ElementLeft', elementId: gateway.id, elementType: gateway.type });
  closeCatches(execution, token, entry);
  execution.resume(token);
  const flowId = gateway.outgoing.find((id) => execution.flow(id).target === node.id);
  if (flowId !== undefined) execution.emit({ type: 'FlowTaken', elementId: flowId, elementType: 'bpmn:SequenceFlow' });
  token.nodeId = node.id;
  execution.emit(
    node.stage === undefined
      ? { type: 'ElementEntered', elementId: node.id, elementType: node.type }
      : { type: 'ElementEntered', elementId: node.id, elementType: node.type, stage: node.stage },
  );
  return true;
}
