// Message, signal and escalation end events: throw (src/throw/throw-event.ts), then the
// token ends like at a none end event — unless an interrupting escalation boundary already
// took the enclosing activity (and this token with it).
import { throwEvent } from '../../throw/throw-event.js';
import type { Behavior } from '../behavior.js';

export const eventEndEventBehavior: Behavior = {
  enter(execution, token, node) {
    if (!throwEvent(execution, token, node)) return;
    execution.emit({ type: 'ElementLeft', elementId: node.id, elementType: node.type });
    execution.consume(token);
  },
};
