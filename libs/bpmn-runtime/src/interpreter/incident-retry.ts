// retryIncident: the token parked in an interpreter incident runs its element again, e.g.
// after the variable a FEEL expression needed was set by completing another task. The
// incident is resolved (IncidentResolved) first; if the element fails again a new incident
// with a new id is raised, so the engine can tell attempts apart.
//
// An incident raised while entering (an input mapping, a task attribute, a gateway without a
// matching flow, a multi-instance collection that is not a list) enters the element again,
// from scratch: the half-opened local scope of the failed attempt is dropped. An incident
// raised while completing (an output mapping, an output element) completes the activity
// again: what it produced (task variables, a subprocess's scope) is kept.
import { CommandRejectedError } from '../contract/interpret.js';
import { behaviors } from '../behaviors/behavior-registry.js';
import type { Execution } from './execution.js';

export function retryIncident(execution: Execution, incidentId: string): void {
  const token = execution.state.tokens.find((candidate) => candidate.wait === 'incident' && candidate.incidentId === incidentId);
  if (!token) throw new CommandRejectedError('TASK_NOT_FOUND', `No open incident '${incidentId}' in this instance`);
  const node = execution.node(token.nodeId);
  execution.emit({ type: 'IncidentResolved', incidentId, elementId: node.id });
  const phase = token.retry;
  const via = token.via;
  execution.resume(token);
  if (phase === 'complete') {
    if (behaviors[node.kind].complete) execution.scheduleComplete(token);
    else execution.completeActivity(token, node);
    return;
  }
  if (node.kind === 'eventSubProcess' && token.localScopeId === undefined) {
    // An event subprocess's listener: it listens again, without entering the element.
    behaviors.eventSubProcess.enter(execution, token, node, undefined);
    return;
  }
  if (token.localScopeId !== undefined) {
    execution.killScope(token.localScopeId);
    delete execution.state.scopes[token.localScopeId];
    delete token.localScopeId;
  }
  execution.scheduleEnter(token, via);
}
