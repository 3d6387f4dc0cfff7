// Intermediate none throw event: a milestone in the flow; the token passes through.
import type { Behavior } from '../behavior.js';

export const intermediateThrowEventBehavior: Behavior = {
  enter(execution, token, node) {
    execution.leave(token, node, node.outgoing);
  },
};
