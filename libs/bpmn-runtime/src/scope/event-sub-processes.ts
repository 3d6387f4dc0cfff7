// Starting and listening of event subprocesses, shared by the event-subprocess behaviors, the
// subprocess and interpreter that open a scope's listeners, and src/throw, which starts an error
// or escalation event subprocess: below all of them, so none of them imports another's behavior.
// How event subprocesses work is told in behaviors/event-sub-process/event-sub-process.behavior.ts.
import type { Variables } from '../contract/state.js';
import { isSubscribable, openCatch } from '../catch/catch-subscriptions.js';
import type { ExecutionContext } from '../context/execution-context.js';
import type { GraphNode } from '../model/process-graph.js';
import type { Token } from '../state/instance-state.js';

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

export function listen(execution: ExecutionContext, listener: Token, start: GraphNode): void {
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
