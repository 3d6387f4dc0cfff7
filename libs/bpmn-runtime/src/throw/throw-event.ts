// What a throwing element does before the token moves on: a message end/throw event or send
// task emits MessageThrown (for integrations: an outbox entry), a signal end/throw event
// emits SignalThrown (the engine broadcasts it to every subscription — this instance's too —
// and to signal start events), an escalation is thrown to the enclosing boundaries.
import type { Effect } from '../contract/effects.js';
import type { ExecutionContext } from '../context/execution-context.js';
import { correlationKey } from '../catch/catch-subscriptions.js';
import type { GraphNode } from '../model/process-graph.js';
import type { Token } from '../state/instance-state.js';
import { throwEscalation } from './throw-escalation.js';
import { tokenScope, visibleVariables } from '../state/scope-variables.js';

/** Runs the throw of `node`; false when the token must not go on (an incident, or an interrupting escalation boundary took it). */
export function throwEvent(execution: ExecutionContext, token: Token, node: GraphNode): boolean {
  const event = node.event;
  if (event === undefined) return true;
  const scopeId = tokenScope(token);
  switch (event.kind) {
    case 'message': {
      const key = correlationKey(execution, scopeId, event);
      if (!key.ok) {
        execution.raiseIncident(token, `Correlation key of message '${event.name}' at '${node.id}': ${key.message}`);
        return false;
      }
      const effect: Extract<Effect, { type: 'MessageThrown' }> = {
        type: 'MessageThrown',
        elementId: node.id,
        messageName: event.name,
        variables: visibleVariables(execution.state, scopeId),
      };
      if (key.value !== undefined) effect.correlationKey = key.value;
      execution.emit(effect);
      return true;
    }
    case 'signal':
      execution.emit({ type: 'SignalThrown', elementId: node.id, signalName: event.name, variables: visibleVariables(execution.state, scopeId) });
      return true;
    case 'escalation': {
      if (throwEscalation(execution, token, event.code ?? '') === 'continue') return true;
      // An interrupting boundary took the enclosing activity and this token with it.
      execution.emit({ type: 'ElementLeft', elementId: node.id, elementType: node.type });
      return false;
    }
    default:
      return true;
  }
}
