// Exclusive gateway: merges without synchronizing; splits by taking the first outgoing flow
// (in the gateway's order) whose condition is true, else the default flow. No match and no
// default, or a condition that fails, raise an incident and park the token here.
import type { Behavior } from '../behavior.js';
import { tokenScope } from '../../state/scope-variables.js';

export const exclusiveGatewayBehavior: Behavior = {
  enter(execution, token, node) {
    if (node.outgoing.length === 1 && node.defaultFlow === undefined) {
      const only = execution.flow(node.outgoing[0]!);
      if (only.condition === undefined) {
        execution.leave(token, node, node.outgoing);
        return;
      }
    }
    const scopeId = tokenScope(token);
    for (const flowId of node.outgoing) {
      if (flowId === node.defaultFlow) continue;
      const result = execution.evaluateCondition(execution.flow(flowId), scopeId);
      if (!result.ok) {
        execution.raiseIncident(token, result.message);
        return;
      }
      if (result.value) {
        execution.leave(token, node, [flowId]);
        return;
      }
    }
    if (node.defaultFlow !== undefined) {
      execution.leave(token, node, [node.defaultFlow]);
      return;
    }
    execution.raiseIncident(token, `No outgoing flow of exclusive gateway '${node.id}' has a true condition and there is no default flow`);
  },
};
