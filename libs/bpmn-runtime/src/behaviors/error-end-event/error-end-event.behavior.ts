// Error end event: throws its bpmn:error's code (src/throw/throw-error.ts). The nearest
// enclosing activity with a matching error boundary is interrupted (this token dies with
// it); uncaught at the top, ErrorUncaught and the token is parked here in an incident.
import { throwError } from '../../throw/throw-error.js';
import type { Behavior } from '../behavior.js';

export const errorEndEventBehavior: Behavior = {
  enter(execution, token, node) {
    const event = node.event;
    // Caught, this token died with the interrupted activity: it has left the end event.
    if (throwError(execution, token, event?.kind === 'error' ? (event.code ?? '') : '') === 'caught') {
      execution.emit({ type: 'ElementLeft', elementId: node.id, elementType: node.type });
    }
  },
};
