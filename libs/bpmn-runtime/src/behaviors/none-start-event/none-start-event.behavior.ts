// None start event: where a process or an embedded subprocess begins; the token passes on.
import type { Behavior } from '../behavior.js';

export const noneStartEventBehavior: Behavior = {
  enter(execution, token, node) {
    execution.leave(token, node, node.outgoing);
  },
};
