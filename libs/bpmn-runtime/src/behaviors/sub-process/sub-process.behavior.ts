// Embedded subprocess: opens its own variable scope (input mappings write there), starts a
// token at its none start event and waits; when no token is left inside it completes: output
// mappings write to the enclosing scope, the scope closes and the token leaves.
import type { Behavior } from '../behavior.js';

export const subProcessBehavior: Behavior = {
  enter(execution, token, node) {
    const scope = execution.openLocalScope(token, node);
    if (!execution.applyInputs(token, node)) return;
    execution.park(token, 'subProcess');
    const start = execution.graph.scopes[node.id]!.start;
    const inner = execution.createToken(start, scope.id);
    execution.scheduleEnter(inner, undefined);
  },
  complete(execution, token, node) {
    execution.completeActivity(token, node);
  },
};
