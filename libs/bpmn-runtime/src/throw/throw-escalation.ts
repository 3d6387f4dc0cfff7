// throwEscalation: an escalation end or intermediate throw event. Found like an error (the
// nearest enclosing activity with a boundary naming the code, else a catch-all), but an
// escalation is a heads-up, not a failure: a non-interrupting boundary starts a new token
// and the thrower goes on; an interrupting one stops the activity (and the thrower inside
// it). An escalation nobody catches in the instance does not stop the thrower (BPMN leaves
// it open; Camunda and Zeebe do the same): EscalationUncaught tells the engine, which forwards
// it to the parent when the instance is a called process (escalateCalledProcess throws it at
// the call activity, so it travels up a chain of calls until something catches it).
import { takeBoundary } from '../catch/boundary-events.js';
import type { ExecutionContext } from '../context/execution-context.js';
import type { Token } from '../state/instance-state.js';
import { startEventSubProcess } from '../scope/event-sub-processes.js';
import { findCatchingBoundary } from './find-boundary.js';

/** 'continue' when the thrower goes on, 'stopped' when an interrupting boundary took its activity. */
export type EscalationOutcome = 'continue' | 'stopped';

export function throwEscalation(execution: ExecutionContext, token: Token, escalationCode: string): EscalationOutcome {
  const found = findCatchingBoundary(execution, token, 'escalation', escalationCode);
  if (!found) {
    execution.emit({ type: 'EscalationUncaught', elementId: token.nodeId, escalationCode });
    return 'continue';
  }
  if (found.eventSubProcess) {
    const interrupting = found.start.interrupting !== false;
    if (interrupting) execution.killScope(found.scopeId);
    startEventSubProcess(execution, found.scopeId, found.eventSubProcess, found.start);
    return interrupting ? 'stopped' : 'continue';
  }
  takeBoundary(execution, found.holder, found.boundary);
  return found.boundary.interrupting === false ? 'continue' : 'stopped';
}
