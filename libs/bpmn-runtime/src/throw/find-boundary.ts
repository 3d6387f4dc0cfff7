// Finding where a thrown error or escalation is caught: from the thrower outwards, scope by
// scope, the first activity with a matching boundary event. On one activity a boundary
// naming the code wins over a catch-all (no errorRef / escalationRef, or no code on it).
import { isInnerInstance } from '../behaviors/multi-instance/multi-instance-body.behavior.js';
import type { Execution } from '../interpreter/execution.js';
import type { GraphNode } from '../model/process-graph.js';
import { ROOT_SCOPE, type Token } from '../state/instance-state.js';

export interface CatchingBoundary {
  /** The token of the activity the boundary is attached to. */
  holder: Token;
  boundary: GraphNode;
}

export function findCatchingBoundary(execution: Execution, thrower: Token, kind: 'error' | 'escalation', code: string): CatchingBoundary | undefined {
  let holder: Token | undefined = thrower;
  while (holder !== undefined) {
    const activity = execution.node(holder.nodeId);
    // An inner multi-instance token's boundaries are the body's: the walk reaches the body next.
    if (activity.boundaries !== undefined && !(activity.multiInstance !== undefined && isInnerInstance(execution, holder, activity))) {
      const boundary = matchingBoundary(execution, activity, kind, code);
      if (boundary) return { holder, boundary };
    }
    // Event subprocesses with an error/escalation start (when they land) are looked up here,
    // in holder.scopeId, before moving out to the scope's owner.
    holder = scopeOwner(execution, holder.scopeId);
  }
  return undefined;
}

function matchingBoundary(execution: Execution, activity: GraphNode, kind: 'error' | 'escalation', code: string): GraphNode | undefined {
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

/** The token of the activity (embedded subprocess, ...) that owns a scope instance. */
export function scopeOwner(execution: Execution, scopeId: string): Token | undefined {
  if (scopeId === ROOT_SCOPE) return undefined;
  const scope = execution.state.scopes[scopeId];
  return scope ? execution.findTokenById(scope.tokenId) : undefined;
}
