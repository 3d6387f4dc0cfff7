// Call activity: starts another process (the latest version of `calledElement`) and waits
// for it. The engine starts the child from CalledProcessStarted and reports its end back as
// completeCalledProcess (or failCalledProcess when it ended with an uncaught BPMN error,
// which is thrown at the call activity). An escalation the child does not catch comes back,
// while the child runs on, as escalateCalledProcess and is thrown at the call activity.
//
// Variables cross the boundary only where the diagram says so (as in Camunda, unlike Zeebe's
// "pass everything" default): the child starts with exactly the activity's input mappings
// (none -> no variables), and only the output mappings bring the child's end variables back
// into the parent (none -> nothing comes back). Why: processes of different packages call each
// other, and an explicit contract keeps a child from depending on, or a parent being
// overwritten by, variables the other side happens to hold; it also keeps a lead's whole
// variable set from being copied into every child it starts. The child inherits the parent's
// business key. Cancelling the parent, or ending the activity's scope, emits
// CalledProcessCancelled (ExecutionContext.cancelWaits), and the engine cancels the child.
import { CommandRejectedError } from '../../contract/interpret.js';
import type { Variables } from '../../contract/state.js';
import type { ExecutionContext } from '../../context/execution-context.js';
import type { Token } from '../../state/instance-state.js';
import { throwError } from '../../throw/throw-error.js';
import { throwEscalation } from '../../throw/throw-escalation.js';
import type { Behavior } from '../behavior.js';

export const callActivityBehavior: Behavior = {
  enter(execution, token, node) {
    if (!execution.applyInputs(token, node)) return;
    const variables: Variables = token.localScopeId !== undefined ? { ...execution.state.scopes[token.localScopeId]!.variables } : {};
    const callId = execution.newId();
    execution.park(token, 'calledProcess');
    token.callId = callId;
    const businessKey = execution.state.businessKey;
    execution.emit(
      businessKey === undefined
        ? { type: 'CalledProcessStarted', callId, elementId: node.id, processKey: node.calledElement!, variables }
        : { type: 'CalledProcessStarted', callId, elementId: node.id, processKey: node.calledElement!, businessKey, variables },
    );
  },
};

function waitingCall(execution: ExecutionContext, callId: string): Token {
  const token = execution.state.tokens.find((candidate) => candidate.wait === 'calledProcess' && candidate.callId === callId);
  if (!token) throw new CommandRejectedError('TASK_NOT_FOUND', `No call activity waits for called process '${callId}' in this instance`);
  return token;
}

/**
 * completeCalledProcess: the child's end variables are visible to the output mappings (they
 * are kept in the activity's local scope until it completes, so a failed output mapping can be
 * retried), then the activity completes and the parent moves on.
 */
export function completeCalledProcess(execution: ExecutionContext, callId: string, variables: Variables): void {
  const token = waitingCall(execution, callId);
  const node = execution.node(token.nodeId);
  delete token.callId;
  if (node.outputs) {
    const scope = token.localScopeId !== undefined ? execution.state.scopes[token.localScopeId]! : execution.openLocalScope(token, node);
    Object.assign(scope.variables, variables);
  }
  execution.completeActivity(token, node);
}

/**
 * failCalledProcess: the child ended with a BPMN error it did not catch. The error is thrown
 * at the call activity: an error boundary on it (or on an enclosing subprocess) catches it;
 * uncaught, the call activity gets an incident (whose retry starts the child again) and the
 * error goes on up as ErrorUncaught, to this instance's own parent if it has one. The child,
 * parked in its own incident where the error left it, is cancelled (CalledProcessCancelled):
 * its error now belongs to the parent, and a retry of the parent starts a fresh child.
 */
export function failCalledProcess(execution: ExecutionContext, callId: string, errorCode: string, message: string | undefined): void {
  const token = waitingCall(execution, callId);
  execution.emit({ type: 'CalledProcessCancelled', callId, elementId: token.nodeId });
  // Still parked (without its call id) while the error is thrown: an interrupting boundary makes
  // the call activity leave (ElementLeft) like any interrupted wait; uncaught, the incident
  // replaces the wait.
  delete token.callId;
  throwError(execution, token, errorCode, message);
}

/**
 * escalateCalledProcess: the child threw an escalation it did not catch. BPMN propagates it to
 * the call activity, where it is thrown like any escalation: a non-interrupting boundary (or
 * event subprocess) starts its path while the call keeps waiting and the child runs on; an
 * interrupting one stops the call activity, which cancels the child (CalledProcessCancelled,
 * through ExecutionContext.cancelWaits). Uncaught here too, it goes on up as EscalationUncaught and
 * the call keeps waiting.
 */
export function escalateCalledProcess(execution: ExecutionContext, callId: string, escalationCode: string): void {
  throwEscalation(execution, waitingCall(execution, callId), escalationCode);
}
