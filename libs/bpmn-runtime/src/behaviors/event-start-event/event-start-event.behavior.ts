// Timer, message and signal start events: the engine registers them from startTriggers()
// and starts an instance at one with `{ type: 'start', startEventId }` when it fires (the
// message's or signal's variables as start variables). The token passes on.
import type { Behavior } from '../behavior.js';

export const eventStartEventBehavior: Behavior = {
  enter(execution, token, node) {
    execution.leave(token, node, node.outgoing);
  },
};
