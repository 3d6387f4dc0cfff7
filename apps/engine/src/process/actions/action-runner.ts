// One runner per action type (apps/engine/src/actions/<type>.runner.ts). A runner gets the
// rendered action and a transaction: everything it writes (a task, a notification, an outbox
// row, a started instance's row) goes through `context.tx`, which also writes the run's
// idempotency row, so the action's writes and "this run happened" commit together or not at
// all. It answers what the service task should do next.
import type { RuleAction, ActionType, JsonObject } from '@stageflow/process-package';
import type { Queryable } from '../../platform/database/queryable.js';

export interface ActionRunContext {
  /** The transaction of this run: pass it to every repository the runner writes through. */
  tx: Queryable;
  /** `<instanceId>:<actionId>`: unique per run; derive ids of what the action creates from it. */
  idempotencyKey: string;
  processInstanceId: string;
  /** The service task that requested the action. */
  elementId: string;
  /** The variables the action was rendered over. */
  variables: JsonObject;
}

/**
 * `completed`: the task leaves, with `variables` written like a completed task's;
 * `failed`: a business error — a BPMN error `errorCode` is thrown at the task.
 */
export type ActionOutcome = { kind: 'completed'; variables?: JsonObject; note?: string } | { kind: 'failed'; errorCode: string; message?: string };

export interface ActionRunner<T extends ActionType = ActionType> {
  readonly type: T;
  run(action: Extract<RuleAction, { type: T }>, context: ActionRunContext): Promise<ActionOutcome>;
}
