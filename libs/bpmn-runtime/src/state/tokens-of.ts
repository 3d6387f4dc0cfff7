// The tokens of an instance state as others may read them (the engine's API shows them on an
// instance). The state's layout stays the interpreter's: this is the one place that maps it.
import type { InstanceState, Variables } from '../contract/state.js';
import { isRuntimeState, type TokenWait } from './instance-state.js';
import { tokenScope, visibleVariables } from './scope-variables.js';

export type { TokenWait };

export interface TokenView {
  id: string;
  /** The element the token is at. */
  elementId: string;
  /** `root` (the instance) or the scope instance of an embedded subprocess / multi-instance body. */
  scopeId: string;
  /** What the token waits for; every token of a stored state waits. */
  wait?: TokenWait;
  /** The user task it waits on (`wait: 'task'`). */
  taskId?: string;
  /** The incident that stopped it (`wait: 'incident'`). */
  incidentId?: string;
  /** The action it waits for (`wait: 'action'`: a service task, ActionRequested.actionId). */
  actionId?: string;
}

/** The parked tokens of a state, in the state's order; none for a state that has no tokens. */
export function tokensOf(state: InstanceState): TokenView[] {
  if (!isRuntimeState(state)) return [];
  return state.tokens.map((token) => {
    const view: TokenView = { id: token.id, elementId: token.nodeId, scopeId: token.scopeId };
    if (token.wait !== undefined) view.wait = token.wait;
    if (token.taskId !== undefined) view.taskId = token.taskId;
    if (token.incidentId !== undefined) view.incidentId = token.incidentId;
    if (token.actionId !== undefined) view.actionId = token.actionId;
    return view;
  });
}

/**
 * The variables the user task `taskId` sees (its local scope, then each enclosing scope up to
 * the instance, inner ones winning; a copy) — what its completion's conditions will read. Undefined
 * when no token of the state waits on that task.
 */
export function variablesAtTask(state: InstanceState, taskId: string): Variables | undefined {
  if (!isRuntimeState(state)) return undefined;
  const token = state.tokens.find((candidate) => candidate.taskId === taskId);
  return token === undefined ? undefined : visibleVariables(state, tokenScope(token));
}
