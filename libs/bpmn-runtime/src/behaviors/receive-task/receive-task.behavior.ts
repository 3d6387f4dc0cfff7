// Receive task: an activity that waits for its message (a catch on its own node), with input
// and output mappings and boundary events like any activity. The message's variables are
// treated like a user task's completion variables: without output mappings they update the
// nearest scope that has them, else the instance; with output mappings they stay local to
// the task and only the outputs leave it. After an event-based gateway it is entered already
// triggered (its inputs run then).
import { consumeCatch, openCatch } from '../../catch/catch-subscriptions.js';
import { arriveFromEventBasedGateway } from '../event-based-gateway/event-based-gateway.behavior.js';
import type { Behavior } from '../behavior.js';
import { tokenScope } from '../../state/scope-variables.js';

export const receiveTaskBehavior: Behavior = {
  enter(execution, token, node) {
    if (!execution.applyInputs(token, node)) return;
    const opened = openCatch(execution, token, node);
    if (!opened.ok) {
      execution.raiseIncident(token, opened.message);
      return;
    }
    execution.park(token, 'catch');
  },
  trigger(execution, token, node, entry, variables) {
    const viaGateway = arriveFromEventBasedGateway(execution, token, node, entry);
    consumeCatch(execution, token, entry);
    execution.resume(token);
    if (viaGateway && !execution.applyInputs(token, node)) return;
    if (variables !== undefined && Object.keys(variables).length > 0) {
      if (node.outputs) {
        const local = token.localScopeId ?? execution.openLocalScope(token, node).id;
        execution.writeLocal(local, variables, node.id);
      } else {
        execution.writeNearest(tokenScope(token), variables, node.id);
      }
    }
    execution.completeActivity(token, node);
  },
};
