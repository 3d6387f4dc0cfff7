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
import type { Variables } from '../../contract/state.js';
import { isSubscribable, openCatch } from '../../catch/catch-subscriptions.js';
import type { ExecutionContext } from '../../context/execution-context.js';
import type { GraphNode } from '../../model/process-graph.js';
import type { Token } from '../../state/instance-state.js';
import type { Behavior } from '../behavior.js';

/** Opens the listeners of the event subprocesses of a scope instance that just started. */
export function openEventSubProcesses(execution: ExecutionContext, scopeInstanceId: string, graphScopeId: string): void {
  const ids = execution.graph.scopes[graphScopeId]?.eventSubProcesses;
  if (ids === undefined) return;
  for (const id of ids) {
    const start = startOf(execution, id);
    if (isSubscribable(start.event)) listen(execution, execution.createToken(id, scopeInstanceId), start);
  }
}

export function startOf(execution: ExecutionContext, eventSubProcessId: string): GraphNode {
  return execution.node(execution.graph.scopes[eventSubProcessId]!.start);
}

function listen(execution: ExecutionContext, listener: Token, start: GraphNode): void {
  const opened = openCatch(execution, listener, start);
  if (!opened.ok) {
    execution.raiseIncident(listener, `Event subprocess '${listener.nodeId}': ${opened.message}`);
    return;
  }
  execution.park(listener, 'eventSubProcess');
}

/**
 * Starts an instance of the event subprocess in the scope instance (the caller has already
 * interrupted the scope when the start is interrupting). `variables` (a message's or
 * signal's) are written by the nearest-scope rule from the scope, as for boundary events.
 */
export function startEventSubProcess(
  execution: ExecutionContext,
  scopeInstanceId: string,
  eventSubProcess: GraphNode,
  start: GraphNode,
  variables?: Variables,
): void {
  const token = execution.createToken(eventSubProcess.id, scopeInstanceId);
  execution.emit(
    eventSubProcess.stage === undefined
      ? { type: 'ElementEntered', elementId: eventSubProcess.id, elementType: eventSubProcess.type }
      : { type: 'ElementEntered', elementId: eventSubProcess.id, elementType: eventSubProcess.type, stage: eventSubProcess.stage },
  );
  const scope = execution.openLocalScope(token, eventSubProcess);
  execution.park(token, 'subProcess');
  if (variables !== undefined && Object.keys(variables).length > 0) execution.writeNearest(scopeInstanceId, variables, start.id);
  openEventSubProcesses(execution, scope.id, eventSubProcess.id);
  execution.scheduleEnter(execution.createToken(start.id, scope.id), undefined);
}

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
