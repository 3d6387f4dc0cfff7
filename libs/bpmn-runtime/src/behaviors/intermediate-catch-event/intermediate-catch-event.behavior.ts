// Intermediate catch event (timer, message, signal): a wait state. Entering opens the catch
// (timer scheduled, subscription opened with its correlation key); a failure to evaluate the
// timer or the key is an incident here. When it fires, message/signal variables are written
// by the nearest-scope rule and the token leaves. Reached through an event-based gateway,
// the gateway's token arrives here already triggered (the first event wins).
import { consumeCatch, openCatch } from '../../catch/catch-subscriptions.js';
import { arriveFromEventBasedGateway } from '../event-based-gateway/event-based-gateway.behavior.js';
import type { Behavior } from '../behavior.js';
import { tokenScope } from '../../state/scope-variables.js';

export const intermediateCatchEventBehavior: Behavior = {
  enter(execution, token, node) {
    const opened = openCatch(execution, token, node);
    if (!opened.ok) {
      execution.raiseIncident(token, opened.message);
      return;
    }
    execution.park(token, 'catch');
  },
  trigger(execution, token, node, entry, variables) {
    arriveFromEventBasedGateway(execution, token, node, entry);
    consumeCatch(execution, token, entry);
    execution.resume(token);
    if (variables !== undefined && Object.keys(variables).length > 0) execution.writeNearest(tokenScope(token), variables, node.id);
    execution.leave(token, node, node.outgoing);
  },
};
