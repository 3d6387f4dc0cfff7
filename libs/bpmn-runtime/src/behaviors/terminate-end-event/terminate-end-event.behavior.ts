// Terminate end event: ends its scope at once. At the top level the instance is terminated
// (open tasks cancelled); inside an embedded subprocess the subprocess's tokens are killed
// and the subprocess then completes normally (its outputs run and it leaves).
import { ROOT_SCOPE } from '../../state/instance-state.js';
import type { Behavior } from '../behavior.js';

export const terminateEndEventBehavior: Behavior = {
  enter(execution, token, node) {
    execution.emit({ type: 'ElementLeft', elementId: node.id, elementType: node.type });
    const scopeId = token.scopeId;
    execution.removeToken(token);
    execution.killScope(scopeId);
    if (scopeId === ROOT_SCOPE) {
      execution.state.status = 'terminated';
      execution.emit({ type: 'InstanceTerminated', elementId: node.id });
      return;
    }
    execution.completeScopeIfDone(scopeId);
  },
};
