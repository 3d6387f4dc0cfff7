// Service task (and send task with stageflow:action): runs an action template — create a task,
// send an e-mail, call a webhook, set variables, start a process, notify a user. The work is
// the engine's (I/O, retries, idempotency): entering runs the input mappings, parks the token
// and emits ActionRequested with the variables visible in the task's scope (what the
// template renders over). The engine answers with
// - completeAction: its variables are written as a completed user task's are (nearest scope
//   that has each variable, else the instance; with output mappings, local to the task so only
//   the outputs go on), and the task leaves;
// - failAction: the action failed with a business error; a BPMN error with that code is thrown
//   at the task (src/throw): an error boundary on it or an enclosing subprocess catches it;
//   uncaught, the task gets an incident (its retry requests the action again).
// Interrupting or cancelling the task emits ActionCancelled (ExecutionContext.cancelWaits).
import { CommandRejectedError } from '../../contract/interpret.js';
import type { Variables } from '../../contract/state.js';
import type { ExecutionContext } from '../../context/execution-context.js';
import type { Token } from '../../state/instance-state.js';
import { throwError } from '../../throw/throw-error.js';
import type { Behavior } from '../behavior.js';
import { tokenScope, visibleVariables } from '../../state/scope-variables.js';

export const serviceTaskBehavior: Behavior = {
  enter(execution, token, node) {
    if (!node.action) {
      execution.raiseIncident(token, `Service task '${node.id}' has no action`);
      return;
    }
    if (!execution.applyInputs(token, node)) return;
    const variables = visibleVariables(execution.state, tokenScope(token));
    const actionId = execution.newId();
    execution.park(token, 'action');
    token.actionId = actionId;
    execution.emit({ type: 'ActionRequested', actionId, elementId: node.id, actionKey: node.action, variables });
  },
};

function waitingAction(execution: ExecutionContext, actionId: string): Token {
  const token = execution.state.tokens.find((candidate) => candidate.wait === 'action' && candidate.actionId === actionId);
  if (!token) throw new CommandRejectedError('TASK_NOT_FOUND', `No service task waits for action '${actionId}' in this instance`);
  return token;
}

export function completeAction(execution: ExecutionContext, actionId: string, variables: Variables): void {
  const token = waitingAction(execution, actionId);
  const node = execution.node(token.nodeId);
  delete token.actionId;
  if (Object.keys(variables).length > 0) {
    if (node.outputs) {
      const local = token.localScopeId !== undefined ? token.localScopeId : execution.openLocalScope(token, node).id;
      execution.writeLocal(local, variables, node.id);
    } else {
      execution.writeNearest(tokenScope(token), variables, node.id);
    }
  }
  execution.completeActivity(token, node);
}

export function failAction(execution: ExecutionContext, actionId: string, errorCode: string, message: string | undefined): void {
  const token = waitingAction(execution, actionId);
  // Still parked while the error is thrown: a boundary that interrupts the task makes it leave
  // (ElementLeft) like any interrupted wait; uncaught, the incident replaces the wait.
  delete token.actionId;
  throwError(execution, token, errorCode, message);
}
