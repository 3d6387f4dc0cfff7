// throwError: the one entry point for BPMN errors. Used by the error end event; by
// failCalledProcess (an error the called process did not catch is thrown AT the call
// activity: pass its token); and by actions that fail with a business error code (issue 4:
// pass the service task's token). The thrower's own activity is searched first, then each
// enclosing scope outwards (src/throw/find-boundary.ts).
//
// Caught: the boundary's activity is interrupted (everything inside it, the thrower
// included, is killed with its tasks, timers and subscriptions) and its token continues at
// the error boundary. Uncaught at the top: ErrorUncaught (a called process's engine forwards
// it to the parent) and the thrower is parked in an incident where it stands.
import { takeBoundary } from '../catch/boundary-events.js';
import type { ExecutionContext } from '../context/execution-context.js';
import type { Token } from '../state/instance-state.js';
import { startEventSubProcess } from '../scope/event-sub-processes.js';
import { findCatchingBoundary } from './find-boundary.js';

export type ErrorOutcome = 'caught' | 'uncaught';

export function throwError(execution: ExecutionContext, token: Token, errorCode: string, message?: string): ErrorOutcome {
  const found = findCatchingBoundary(execution, token, 'error', errorCode);
  if (found?.eventSubProcess) {
    // An error start always interrupts: the scope (the thrower included) stops, the handler runs.
    execution.killScope(found.scopeId);
    startEventSubProcess(execution, found.scopeId, found.eventSubProcess, found.start);
    return 'caught';
  }
  if (found) {
    takeBoundary(execution, found.holder, found.boundary);
    return 'caught';
  }
  execution.emit(
    message === undefined
      ? { type: 'ErrorUncaught', elementId: token.nodeId, errorCode }
      : { type: 'ErrorUncaught', elementId: token.nodeId, errorCode, message },
  );
  execution.raiseIncident(
    token,
    `BPMN error '${errorCode}'${message ? ` (${message})` : ''} was not caught: no error boundary event on '${token.nodeId}' or an enclosing subprocess matches it`,
  );
  return 'uncaught';
}
