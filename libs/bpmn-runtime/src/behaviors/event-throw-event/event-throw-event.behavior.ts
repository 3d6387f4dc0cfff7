// Intermediate message, signal and escalation throw events: throw (src/throw/throw-event.ts),
// then pass on — unless an interrupting escalation boundary took the enclosing activity.
import { throwEvent } from '../../throw/throw-event.js';
import type { Behavior } from '../behavior.js';

export const eventThrowEventBehavior: Behavior = {
  enter(execution, token, node) {
    if (!throwEvent(execution, token, node)) return;
    execution.leave(token, node, node.outgoing);
  },
};
