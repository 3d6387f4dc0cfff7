// Boundary events: attached to an activity (user task, receive task, send task, embedded
// subprocess — and whatever activity parks a token on its node, e.g. call activities and
// multi-instance bodies).
//
// - When a token enters an activity with boundary events, the timer/message/signal ones
//   are opened as catches on that token, in document order, before the activity runs
//   (Execution.run calls attachBoundaries). Error and escalation boundaries open nothing:
//   src/throw finds them when something is thrown.
// - When the activity completes (its token leaves) or is removed, its catches close.
// - Taking an interrupting boundary interrupts the activity (interruptActivity: its other
//   catches close, an open task is cancelled, everything inside its scope is killed — with
//   their own catches) and moves its token to the boundary event, which leaves by its
//   outgoing flows. A non-interrupting boundary spawns a new token there; the activity
//   keeps waiting.
import type { Variables } from '../contract/state.js';
import type { ExecutionContext } from '../context/execution-context.js';
import type { GraphNode } from '../model/process-graph.js';
import type { Token } from '../state/instance-state.js';
import { closeCatches, isSubscribable, openCatch } from './catch-subscriptions.js';

/**
 * Opens the catches of the activity's boundary events on its token (those it does not hold
 * yet: re-entering after an incident does not open them twice). False when one could not be
 * opened: the token then has an incident and holds none of them.
 */
export function attachBoundaries(execution: ExecutionContext, token: Token, activity: GraphNode): boolean {
  for (const boundaryId of activity.boundaries ?? []) {
    const boundary = execution.node(boundaryId);
    if (!isSubscribable(boundary.event)) continue;
    if (token.catches?.some((entry) => entry.node === boundaryId)) continue;
    const opened = openCatch(execution, token, boundary);
    if (!opened.ok) {
      closeCatches(execution, token);
      execution.raiseIncident(token, opened.message);
      return false;
    }
  }
  return true;
}

/**
 * Stops an activity where it is: its catches close, its open task is cancelled, it is left
 * (ElementLeft, as for every killed token, keeps the engine's active elements true), its scope
 * (subprocess content, local variables) is killed with every token and catch inside. The
 * token stays, ready to move on. ExecutionContext.cancelWaits releases what the token waits on
 * outside (a task, a called process); a multi-instance body's inner instances live in its
 * scope and die with it.
 */
export function interruptActivity(execution: ExecutionContext, token: Token): void {
  closeCatches(execution, token);
  execution.cancelWaits(token);
  execution.leftWhenKilled(token);
  if (token.localScopeId !== undefined) {
    execution.killScope(token.localScopeId);
    delete execution.state.scopes[token.localScopeId];
    delete token.localScopeId;
  }
  execution.resume(token);
}

/**
 * The boundary event `boundary` of the activity held by `owner` occurred: interrupting, the
 * activity stops and its token continues at the boundary; non-interrupting, a new token
 * starts at the boundary. `variables` (from a message or signal) are written by the
 * nearest-scope rule from the activity's enclosing scope. Returns the token that continues;
 * with `enter` false it is not scheduled to enter the boundary (its caller parks it).
 */
export function takeBoundary(execution: ExecutionContext, owner: Token, boundary: GraphNode, variables?: Variables, enter = true): Token {
  let token: Token;
  if (boundary.interrupting !== false) {
    interruptActivity(execution, owner);
    token = owner;
    token.nodeId = boundary.id;
  } else {
    token = execution.createToken(boundary.id, owner.scopeId);
  }
  if (variables !== undefined && Object.keys(variables).length > 0) execution.writeNearest(token.scopeId, variables, boundary.id);
  if (enter) execution.scheduleEnter(token, undefined);
  return token;
}
