// Parallel gateway: a join waits until a token has arrived on every incoming flow, counting
// arrivals per flow (parked tokens); a later round's tokens wait for the next activation.
// Then one token leaves by every outgoing flow (fork).
import type { Token } from '../../state/instance-state.js';
import type { Behavior } from '../behavior.js';

export const parallelGatewayBehavior: Behavior = {
  enter(execution, token, node, via) {
    if (node.incoming.length <= 1 || via === undefined) {
      execution.leave(token, node, node.outgoing);
      return;
    }
    execution.park(token, 'join');
    token.via = via;
    const selected: Token[] = [];
    for (const flowId of node.incoming) {
      const arrived = execution.state.tokens.find((t) => t.wait === 'join' && t.nodeId === node.id && t.scopeId === token.scopeId && t.via === flowId);
      if (!arrived) return;
      selected.push(arrived);
    }
    const [continuing, ...merged] = selected;
    // Every arrival entered the join, so every merged arrival leaves it too: the engine's list
    // of active elements and the history's entered/left pairs stay balanced.
    for (const other of merged) {
      execution.removeToken(other);
      execution.emit({ type: 'ElementLeft', elementId: node.id, elementType: node.type });
    }
    execution.resume(continuing!);
    execution.leave(continuing!, node, node.outgoing);
  },
};
