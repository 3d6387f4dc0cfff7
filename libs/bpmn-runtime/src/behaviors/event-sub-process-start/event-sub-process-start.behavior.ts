// The start event of an event subprocess: its catch is held by a listener token of the
// enclosing scope (behaviors/event-sub-process). When it fires, an interrupting start kills
// what runs in the scope first; a non-interrupting one keeps listening (a repeating timer
// re-arms, a message or signal subscription is renewed under a new id, a one-shot timer's
// listener is done). Then the event subprocess instance starts here and passes on.
import { consumeCatch, openCatch, rearmTimer } from '../../catch/catch-subscriptions.js';
import type { Behavior } from '../behavior.js';
import { startEventSubProcess } from '../../scope/event-sub-processes.js';

export const eventSubProcessStartBehavior: Behavior = {
  enter(execution, token, node) {
    execution.leave(token, node, node.outgoing);
  },
  trigger(execution, listener, start, entry, variables) {
    const eventSubProcess = execution.node(listener.nodeId);
    const scopeId = listener.scopeId;
    if (start.interrupting !== false) {
      consumeCatch(execution, listener, entry);
      execution.killScope(scopeId);
      startEventSubProcess(execution, scopeId, eventSubProcess, start, variables);
      return;
    }
    const renewed = start.event?.kind === 'timer' ? rearmTimer(execution, listener, entry, start) : renew(execution, listener, entry, start);
    if (!renewed.ok) execution.raiseIncident(listener, `Event subprocess '${eventSubProcess.id}': ${renewed.message}`);
    else if (listener.catches === undefined) execution.removeToken(listener);
    startEventSubProcess(execution, scopeId, eventSubProcess, start, variables);
  },
};

function renew(...[execution, listener, entry, start]: Parameters<typeof rearmTimer>): ReturnType<typeof openCatch> {
  consumeCatch(execution, listener, entry);
  return openCatch(execution, listener, start);
}
