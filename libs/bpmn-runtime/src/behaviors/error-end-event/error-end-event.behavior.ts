// Error end event: throws its bpmn:error's code (src/throw/throw-error.ts). The nearest
// enclosing activity with a matching error boundary is interrupted (this token dies with
// it); uncaught at the top, ErrorUncaught and the token is parked here in an incident.
import { throwError } from '../../throw/throw-error.js';
import type { Behavior } from '../behavior.js';

export const errorEndEventBehavior: Behavior = {
  enter(execution, token, node) {
    const event = node.event;
    throwError(execution, token, event?.kind === 'error' ? event.code ?? '' : '');
  },
};
