// `stageflow:async="true"`: the token parks *before* the activity and the command ends there,
// so the engine commits what happened so far and runs the activity later, from a job, in a
// transaction of its own (continueAsync). This splits a long chain of work into separate
// transactions and makes a failure in the activity roll back only the activity.
//
// The element is not entered while parked (no ElementEntered, no input mappings): entering
// happens when the continuation runs, exactly as if the token had just arrived. A retried
// job whose continuation already ran (or whose token was cancelled meanwhile) is rejected,
// which the engine treats as a no-op.
import { CommandRejectedError } from '../contract/interpret.js';
import type { GraphNode } from '../model/process-graph.js';
import type { Token } from '../state/instance-state.js';
import type { Execution } from './execution.js';

/** Parks an arriving token before an async activity and asks the engine for a job. */
export function parkBeforeAsync(execution: Execution, token: Token, node: GraphNode, via: string | undefined): void {
  execution.park(token, 'async');
  token.continuationId = execution.newId();
  if (via !== undefined) token.via = via;
  execution.emit({ type: 'AsyncContinuationScheduled', continuationId: token.continuationId, elementId: node.id });
}

/** continueAsync: the parked token enters its element now. */
export function continueAsync(execution: Execution, continuationId: string): void {
  const token = execution.state.tokens.find((candidate) => candidate.wait === 'async' && candidate.continuationId === continuationId);
  if (!token) {
    throw new CommandRejectedError(
      'TASK_NOT_FOUND',
      `No async continuation '${continuationId}' waits in this instance (it already ran or its token was cancelled)`,
    );
  }
  const via = token.via;
  execution.resume(token);
  execution.scheduleContinuation(token, via);
}
