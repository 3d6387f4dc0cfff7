// None end event: the token ends; its scope completes when no token is left in it.
import type { Behavior } from '../behavior.js';

export const noneEndEventBehavior: Behavior = {
  enter(execution, token, node) {
    execution.emit({ type: 'ElementLeft', elementId: node.id, elementType: node.type });
    execution.consume(token);
  },
};
