// Embedded subprocess: opens its own variable scope (input mappings write there), starts a
// token at its none start event and waits; when no token is left inside it completes: output
// mappings write to the enclosing scope, the scope closes and the token leaves. Its event
// subprocesses listen while it runs (behaviors/event-sub-process).
import type { Behavior } from '../behavior.js';
import { openEventSubProcesses } from '../../scope/event-sub-processes.js';

export const subProcessBehavior: Behavior = {
  enter(execution, token, node) {
    const scope = execution.openLocalScope(token, node);
    if (!execution.applyInputs(token, node)) return;
    execution.park(token, 'subProcess');
    openEventSubProcesses(execution, scope.id, node.id);
    const start = execution.graph.scopes[node.id]!.start;
    const inner = execution.createToken(start, scope.id);
    execution.scheduleEnter(inner, undefined);
  },
  complete(execution, token, node) {
    execution.completeActivity(token, node);
  },
};
