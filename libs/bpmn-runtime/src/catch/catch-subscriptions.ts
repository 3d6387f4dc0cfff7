// Catches: the timers and message/signal subscriptions a token holds while it waits.
//
// One generic mechanism for every catching element: an intermediate catch event or receive
// task (the token's own node), a boundary event (held by its activity's token), the events
// after an event-based gateway (held by the gateway's token), event subprocess starts (held
// by a listener token parked on the event subprocess in the scope it listens to). Opening a catch emits TimerScheduled /
// MessageSubscribed / SignalSubscribed and records `{ id, node }` on the token; the engine
// answers with fireTimer / correlateMessage / deliverSignal, which `triggerCatch` routes to
// the catching node's behavior.
//
// Closing is automatic: when a token leaves a node or is removed (interrupted, terminated,
// cancelled), every catch it still holds is closed with TimerCancelled /
// MessageSubscriptionClosed / SignalSubscriptionClosed, so the engine drops jobs and rows.
// A catch that fires is consumed: a fired timer emits nothing (its job is done); a
// triggered message or signal subscription emits ...SubscriptionClosed.
import type { Effect } from '../contract/effects.js';
import type { JsonValue } from '../contract/state.js';
import type { ExecutionContext } from '../context/execution-context.js';
import { toJsonValue } from '../feel/feel-values.js';
import type { EventTrigger, GraphNode } from '../model/process-graph.js';
import type { Catch, RuntimeState, Token } from '../state/instance-state.js';
import { dueAfter, resolveTimer } from '../timer/timer-schedule.js';
import { resolverFrom, tokenScope } from '../state/scope-variables.js';

type Attempt<T> = { ok: true; value: T } | { ok: false; message: string };

/** Events a token can wait for; errors and escalations are thrown and caught, never subscribed. */
export function isSubscribable(event: EventTrigger | undefined): boolean {
  return event !== undefined && (event.kind === 'timer' || event.kind === 'message' || event.kind === 'signal');
}

/**
 * Opens the catch of `node` (a timer, message or signal event) on `token`, evaluating its
 * timer or correlation key in the token's scope. On failure nothing is opened and the
 * reason is returned (the caller raises the incident where it belongs).
 */
export function openCatch(execution: ExecutionContext, token: Token, node: GraphNode): Attempt<void> {
  const event = node.event;
  if (event === undefined) return { ok: true, value: undefined };
  switch (event.kind) {
    case 'timer': {
      const due = timerDue(execution, token, node, 0);
      if (!due.ok) return due;
      if (due.value === undefined) return { ok: true, value: undefined };
      const id = execution.newId();
      addCatch(token, { id, node: node.id });
      execution.emit({ type: 'TimerScheduled', timerId: id, elementId: node.id, dueAt: due.value });
      return { ok: true, value: undefined };
    }
    case 'message': {
      const key = correlationKey(execution, tokenScope(token), event);
      if (!key.ok) return { ok: false, message: `Correlation key of message '${event.name}' at '${node.id}': ${key.message}` };
      const id = execution.newId();
      addCatch(token, { id, node: node.id });
      const effect: Extract<Effect, { type: 'MessageSubscribed' }> = {
        type: 'MessageSubscribed',
        subscriptionId: id,
        elementId: node.id,
        messageName: event.name,
      };
      if (key.value !== undefined) effect.correlationKey = key.value;
      execution.emit(effect);
      return { ok: true, value: undefined };
    }
    case 'signal': {
      const id = execution.newId();
      addCatch(token, { id, node: node.id });
      execution.emit({ type: 'SignalSubscribed', subscriptionId: id, elementId: node.id, signalName: event.name });
      return { ok: true, value: undefined };
    }
    default:
      return { ok: true, value: undefined };
  }
}

/** The next due instant of `node`'s timer after `fired` firings; undefined when a cycle is done. */
function timerDue(execution: ExecutionContext, token: Token, node: GraphNode, fired: number): Attempt<string | undefined> {
  if (node.event?.kind !== 'timer') return { ok: false, message: `'${node.id}' is not a timer event` };
  const resolved = resolveTimer(node.event.timer, resolverFrom(execution.state, tokenScope(token)), execution.env);
  if (!resolved.ok) return { ok: false, message: `Timer of '${node.id}': ${resolved.message}` };
  const due = dueAfter(resolved.value, Date.parse(execution.now), fired);
  return { ok: true, value: 'dueAt' in due ? due.dueAt : undefined };
}

/**
 * A repeating timer fired: re-arms it under a new id (a retried job for the old id is then
 * rejected, never fired twice) while repetitions remain, else drops it.
 */
export function rearmTimer(execution: ExecutionContext, token: Token, entry: Catch, node: GraphNode): Attempt<void> {
  const fired = (entry.fired ?? 0) + 1;
  dropCatch(token, entry);
  const due = timerDue(execution, token, node, fired);
  if (!due.ok) return due;
  if (due.value === undefined) return { ok: true, value: undefined };
  const id = execution.newId();
  addCatch(token, { id, node: node.id, fired });
  execution.emit({ type: 'TimerScheduled', timerId: id, elementId: node.id, dueAt: due.value });
  return { ok: true, value: undefined };
}

/**
 * `stageflow:correlationKey` evaluated in a scope and stringified: a string as it is, numbers
 * and booleans as text, dates as ISO text, lists and contexts as JSON. Null is a failure.
 */
export function correlationKey(execution: ExecutionContext, scopeId: string, event: Extract<EventTrigger, { kind: 'message' }>): Attempt<string | undefined> {
  if (event.correlationKey === undefined) return { ok: true, value: undefined };
  const outcome = execution.evaluate(event.correlationKey, scopeId);
  if (!outcome.ok) return outcome;
  const json = toJsonValue(outcome.value);
  if (!json.ok) return json;
  if (json.value === null) return { ok: false, message: `'${event.correlationKey}' gave null (is the variable set?)` };
  return { ok: true, value: stringify(json.value) };
}

function stringify(value: JsonValue): string {
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The subscription of a fired catch is used up: drop it (message/signal: tell the engine). */
export function consumeCatch(execution: ExecutionContext, token: Token, entry: Catch): void {
  if (!dropCatch(token, entry)) return;
  const event = execution.node(entry.node).event;
  if (event?.kind === 'message') execution.emit({ type: 'MessageSubscriptionClosed', subscriptionId: entry.id, elementId: entry.node });
  if (event?.kind === 'signal') execution.emit({ type: 'SignalSubscriptionClosed', subscriptionId: entry.id, elementId: entry.node });
}

/** Closes every catch the token holds (but `keep`), emitting the cancel/close effects. */
export function closeCatches(execution: ExecutionContext, token: Token, keep?: Catch): void {
  const catches = token.catches;
  if (catches === undefined) return;
  const kept: Catch[] = [];
  for (const entry of catches) {
    if (entry === keep) {
      kept.push(entry);
      continue;
    }
    const kind = execution.graph.nodes[entry.node]?.event?.kind;
    if (kind === 'timer') execution.emit({ type: 'TimerCancelled', timerId: entry.id, elementId: entry.node });
    else if (kind === 'message') execution.emit({ type: 'MessageSubscriptionClosed', subscriptionId: entry.id, elementId: entry.node });
    else if (kind === 'signal') execution.emit({ type: 'SignalSubscriptionClosed', subscriptionId: entry.id, elementId: entry.node });
  }
  if (kept.length > 0) token.catches = kept;
  else delete token.catches;
}

/** Closes the catches of every token of the instance (the instance is cancelled). */
export function closeAllCatches(execution: ExecutionContext): void {
  for (const token of execution.state.tokens) if (token.catches !== undefined) closeCatches(execution, token);
}

export function addCatch(token: Token, entry: Catch): void {
  token.catches = token.catches === undefined ? [entry] : [...token.catches, entry];
}

/** Removes an entry (copy-on-write); false when the token did not hold it. */
export function dropCatch(token: Token, entry: Catch): boolean {
  const catches = token.catches;
  if (catches === undefined) return false;
  const index = catches.findIndex((candidate) => candidate.id === entry.id);
  if (index === -1) return false;
  if (catches.length === 1) delete token.catches;
  else token.catches = catches.filter((_, i) => i !== index);
  return true;
}

export interface HeldCatch {
  token: Token;
  entry: Catch;
}

/** The token and entry of an open timer or subscription, by its id. */
export function findCatch(state: RuntimeState, id: string): HeldCatch | undefined {
  for (const token of state.tokens) {
    if (token.catches === undefined) continue;
    for (const entry of token.catches) if (entry.id === id) return { token, entry };
  }
  return undefined;
}

/** Every open catch for which `matches(node)` holds, in token order then catch order. */
export function findCatches(execution: ExecutionContext, matches: (node: GraphNode) => boolean): HeldCatch[] {
  const found: HeldCatch[] = [];
  for (const token of execution.state.tokens) {
    if (token.catches === undefined) continue;
    for (const entry of token.catches) {
      const node = execution.graph.nodes[entry.node];
      if (node && matches(node)) found.push({ token, entry });
    }
  }
  return found;
}

/** True while the token is alive and still holds the entry (a trigger may have removed either). */
export function stillHeld(execution: ExecutionContext, held: HeldCatch): boolean {
  return execution.state.tokens.includes(held.token) && held.token.catches?.some((entry) => entry.id === held.entry.id) === true;
}
