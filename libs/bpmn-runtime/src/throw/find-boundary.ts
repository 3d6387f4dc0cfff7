// Finding where a thrown error or escalation is caught: from the thrower outwards, scope by
// scope, the first activity with a matching boundary event or scope with a matching event
// subprocess (its error/escalation start). At each step the activity's own boundaries come
// first, then the event subprocesses of the scope it runs in, then the scope's owner. On one
// activity (or scope) one naming the code wins over a catch-all (no errorRef / escalationRef,
// or no code on it).
import { startOf } from '../scope/event-sub-processes.js';
import { isInnerInstance } from '../scope/inner-instance.js';
import type { ExecutionContext } from '../context/execution-context.js';
import type { GraphNode } from '../model/process-graph.js';
import { ROOT_SCOPE, type Token } from '../state/instance-state.js';

export type CatchingBoundary =
  | {
      /** The token of the activity the boundary is attached to. */
      holder: Token;
      boundary: GraphNode;
      eventSubProcess?: undefined;
    }
  | {
      /** The scope instance the event subprocess starts in. */
      scopeId: string;
      eventSubProcess: GraphNode;
      start: GraphNode;
    };

export function findCatchingBoundary(execution: ExecutionContext, thrower: Token, kind: 'error' | 'escalation', code: string): CatchingBoundary | undefined {
  let holder: Token | undefined = thrower;
  while (holder !== undefined) {
    const activity = execution.node(holder.nodeId);
    // An inner multi-instance token's boundaries are the body's: the walk reaches the body next.
    if (activity.boundaries !== undefined && !(activity.multiInstance !== undefined && isInnerInstance(execution, holder, activity))) {
      const boundary = matchingBoundary(execution, activity, kind, code);
      if (boundary) return { holder, boundary };
    }
    // Thrown inside a running event subprocess: its siblings (itself included) do not catch it,
    // so an error handler that fails cannot restart itself; the scope's owner is next.
    const eventSubProcess = activity.kind === 'eventSubProcess' ? undefined : matchingEventSubProcess(execution, holder.scopeId, kind, code);
    if (eventSubProcess) return eventSubProcess;
    holder = scopeOwner(execution, holder.scopeId);
  }
  return undefined;
}

function matchingBoundary(execution: ExecutionContext, activity: GraphNode, kind: 'error' | 'escalation', code: string): GraphNode | undefined {
  let catchAll: GraphNode | undefined;
  for (const id of activity.boundaries ?? []) {
    const boundary = execution.node(id);
    const event = boundary.event;
    if (event?.kind !== kind) continue;
    if (event.code === code) return boundary;
    if (event.code === undefined) catchAll ??= boundary;
  }
  return catchAll;
}

function matchingEventSubProcess(execution: ExecutionContext, scopeId: string, kind: 'error' | 'escalation', code: string): CatchingBoundary | undefined {
  let graphScope = execution.graph.id;
  if (scopeId !== ROOT_SCOPE) {
    const scope = execution.state.scopes[scopeId];
    // Multi-instance bookkeeping scopes (body, inner instance) hold no event subprocesses:
    // an inner subprocess's own content scope does.
    if (!scope || scope.multiInstance !== undefined || execution.state.scopes[scope.parentId]?.multiInstance !== undefined) return undefined;
    graphScope = scope.nodeId;
  }
  let catchAll: CatchingBoundary | undefined;
  for (const id of execution.graph.scopes[graphScope]?.eventSubProcesses ?? []) {
    const start = startOf(execution, id);
    if (start.event?.kind !== kind) continue;
    const found = { scopeId, eventSubProcess: execution.node(id), start };
    if (start.event.code === code) return found;
    if (start.event.code === undefined) catchAll ??= found;
  }
  return catchAll;
}

/** The token of the activity (embedded subprocess, ...) that owns a scope instance. */
export function scopeOwner(execution: ExecutionContext, scopeId: string): Token | undefined {
  if (scopeId === ROOT_SCOPE) return undefined;
  const scope = execution.state.scopes[scopeId];
  return scope ? execution.findTokenById(scope.tokenId) : undefined;
}
