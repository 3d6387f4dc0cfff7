// Reading variables through the scope chain: a token sees its activity's local scope, then
// each enclosing scope instance up to the instance scope. Plain functions of the state, so
// that behaviors and the run loop share them without either importing the other.
import type { JsonValue, Variables } from '../contract/state.js';
import { ROOT_SCOPE, type RuntimeState, type Token } from './instance-state.js';

/** The innermost scope a token sees: its activity's local scope, else its scope. */
export function tokenScope(token: Token): string {
  return token.localScopeId ?? token.scopeId;
}

/** The variables of one scope instance (the instance's own for `root`); undefined once it is gone. */
export function variablesOf(state: RuntimeState, scopeId: string): Variables | undefined {
  return scopeId === ROOT_SCOPE ? state.variables : state.scopes[scopeId]?.variables;
}

function parentOf(state: RuntimeState, scopeId: string): string | undefined {
  return scopeId === ROOT_SCOPE ? undefined : state.scopes[scopeId]?.parentId;
}

/** The nearest scope instance, from `scopeId` outwards, that has the variable `name`. */
export function scopeHolding(state: RuntimeState, scopeId: string, name: string): string | undefined {
  let current: string | undefined = scopeId;
  while (current !== undefined) {
    const variables = variablesOf(state, current);
    if (variables && Object.hasOwn(variables, name)) return current;
    current = parentOf(state, current);
  }
  return undefined;
}

/** Resolves names from the given scope instance up to the instance scope. */
export function resolverFrom(state: RuntimeState, scopeId: string): (name: string) => JsonValue | undefined {
  return (name) => {
    let current: string | undefined = scopeId;
    while (current !== undefined) {
      const variables = variablesOf(state, current);
      if (variables && Object.hasOwn(variables, name)) return variables[name];
      current = parentOf(state, current);
    }
    return undefined;
  };
}

/** All variables visible from a scope instance, inner ones winning (a copy). */
export function visibleVariables(state: RuntimeState, scopeId: string): Variables {
  const chain: Variables[] = [];
  let current: string | undefined = scopeId;
  while (current !== undefined) {
    const variables = variablesOf(state, current);
    if (variables) chain.push(variables);
    current = parentOf(state, current);
  }
  const result: Variables = {};
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(result, chain[i]);
  return result;
}
