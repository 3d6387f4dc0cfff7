// Event subprocess: listens while its enclosing scope (the process, or an embedded subprocess
// instance) is active and runs when its start event's trigger occurs.
//
// Listening reuses the catches of src/catch: when a scope instance starts, each of its event
// subprocesses with a timer, message or signal start gets a *listener* token, parked on the
// event subprocess (wait 'eventSubProcess'), that holds the start's catch. Listener tokens do
// not keep the scope alive: when nothing else is left in the scope it completes and its
// listeners are removed, closing their catches (ExecutionContext.completeScopeIfDone); killing the
// scope (terminate, interrupting boundary, cancel) removes them with everything else. Error
// and escalation starts hold no catch: src/throw finds them when something is thrown inside
// the scope (after the thrower's own boundaries, before the enclosing scope's owner).
//
// When triggered (event-sub-process-start.behavior.ts), an *interrupting* event subprocess
// first kills everything running in the scope — tasks, inner subprocesses, the other
// listeners, running non-interrupting event subprocesses — a *non-interrupting* one leaves
// it running and keeps listening (a timer cycle re-arms, a message or signal subscription is
// renewed). Then an instance starts: a token parked on the event subprocess (wait
// 'subProcess') owning a scope of its own, with a token at the start event. When no token is
// left inside, the instance ends like a subprocess with no outgoing flow: its token is
// consumed, and the enclosing scope completes if nothing else runs there (after an
// interrupting one it always does: the embedded subprocess then leaves by its outgoing flows,
// the process completes).
import { listen, startOf } from '../../scope/event-sub-processes.js';
import type { Behavior } from '../behavior.js';

export const eventSubProcessBehavior: Behavior = {
  // Only a listener is ever "entered": one whose catch could not be opened, retried
  // (interpreter/incident-retry.ts calls this directly: a listener emits no ElementEntered).
  enter(execution, token, node) {
    listen(execution, token, startOf(execution, node.id));
  },
  // The instance's content is done: it ends (no outgoing flows), its scope may complete.
  complete(execution, token, node) {
    execution.completeActivity(token, node);
  },
};
