// The interpreter's view of the instance state. Plain JSON, small, cloned once per command.
// It holds only what is needed to continue: no history, no copy of the graph.
import type { InstanceState, JsonValue, Variables } from '../contract/state.js';

/** Id of the instance scope (its variables are `state.variables`). */
export const ROOT_SCOPE = 'root';

/** Why a token is parked; a token without `wait` is moving (only inside a command). */
export type TokenWait = 'task' | 'join' | 'subProcess' | 'incident' | 'async' | 'calledProcess' | 'action' | 'multiInstance' | 'catch' | 'eventSubProcess';

/**
 * An open timer or message/signal subscription held by a token (src/catch): `id` is the
 * TimerScheduled.timerId / ...Subscribed.subscriptionId, `node` the catching element (the
 * token's own catch event or receive task, a boundary event of its activity, an event after
 * its event-based gateway). `fired`: firings of a repeating timer so far.
 */
export interface Catch {
  id: string;
  node: string;
  fired?: number;
}

export interface Token {
  id: string;
  nodeId: string;
  /** The scope instance the token runs in: `root` or an embedded subprocess instance. */
  scopeId: string;
  /** The activity's own scope instance (input mappings, subprocess variables), if any. */
  localScopeId?: string;
  wait?: TokenWait;
  /** The open user task this token waits on. */
  taskId?: string;
  /** The flow a token parked at a join arrived by (joins count arrivals per flow). */
  via?: string;
  /** The incident message, when `wait` is 'incident'. */
  incident?: string;
  /** The id of that incident (IncidentRaised.incidentId), for retryIncident. */
  incidentId?: string;
  /** Set when the incident hit while the activity completed: a retry completes it again (else it re-enters). */
  retry?: 'complete';
  /** `stageflow:async`: the continuation this token waits for (AsyncContinuationScheduled). */
  continuationId?: string;
  /** Call activity: the called process this token waits for (CalledProcessStarted). */
  callId?: string;
  /** Service task: the action this token waits for (ActionRequested). */
  actionId?: string;
  /** Open timers and subscriptions (copy-on-write: replace the array, never mutate it). */
  catches?: Catch[];
}

/** Bookkeeping of a running multi-instance body (on the body's scope instance). */
export interface MultiInstanceProgress {
  /** nrOfInstances. */
  total: number;
  /** nrOfCompletedInstances. */
  completed: number;
  /** Sequential only: the evaluated collection (the next item is `items[completed]`). */
  items?: JsonValue[];
  /** With stageflow:outputCollection: one slot per item, in collection order. */
  outputs?: JsonValue[];
}

export interface ScopeInstance {
  id: string;
  /** The activity (subprocess, task with input mappings) that owns the scope. */
  nodeId: string;
  parentId: string;
  /** The token parked on the owning activity. */
  tokenId: string;
  variables: Variables;
  /** Present on the scope of a multi-instance body. */
  multiInstance?: MultiInstanceProgress;
}

export interface RuntimeState extends InstanceState {
  businessKey?: string;
  tokens: Token[];
  /** Non-root scope instances by id. */
  scopes: Record<string, ScopeInstance>;
}

export function isRuntimeState(state: InstanceState): state is RuntimeState {
  return Array.isArray(state.tokens) && typeof state.scopes === 'object' && state.scopes !== null;
}

/**
 * Copies the containers a command mutates (tokens, scopes, variable maps). Variable values
 * are shared, never mutated: the interpreter treats them as immutable.
 */
export function cloneState(state: RuntimeState): RuntimeState {
  const scopes: Record<string, ScopeInstance> = {};
  for (const id in state.scopes) {
    const scope = state.scopes[id]!;
    scopes[id] = { ...scope, variables: { ...scope.variables } };
    const progress = scope.multiInstance;
    if (progress?.outputs) scopes[id]!.multiInstance = { ...progress, outputs: progress.outputs.slice() };
    else if (progress) scopes[id]!.multiInstance = { ...progress };
  }
  const tokens = new Array<Token>(state.tokens.length);
  for (let i = 0; i < tokens.length; i++) tokens[i] = { ...state.tokens[i]! };
  return { ...state, variables: { ...state.variables }, tokens, scopes };
}
