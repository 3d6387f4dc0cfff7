// notifyUser: one in-app notification for the rendered user, in the run's transaction. The row
// carries the run's idempotency key (unique), so it exists once per run. An empty or unknown
// user is a business error (an error boundary on the task may route it to a manager).
import { Injectable } from '@nestjs/common';
import type { NotifyUserAction } from '@stageflow/process-package';
import { uuidFrom } from '../../platform/database/uuid-from.js';
import { INVALID_ACTION_INPUT, UNKNOWN_USER } from './action-errors.js';
import type { ActionOutcome, ActionRunContext, ActionRunner } from './action-runner.js';

@Injectable()
export class NotifyUserRunner implements ActionRunner<'notifyUser'> {
  readonly type = 'notifyUser' as const;

  async run(action: NotifyUserAction, context: ActionRunContext): Promise<ActionOutcome> {
    const username = action.user.trim();
    if (username === '') return { kind: 'failed', errorCode: INVALID_ACTION_INPUT, message: 'notifyUser: the user rendered empty' };
    const users: unknown[] = await context.tx.query('SELECT 1 FROM users WHERE username = $1', [username]);
    if (users.length === 0) return { kind: 'failed', errorCode: UNKNOWN_USER, message: `notifyUser: no user "${username}"` };
    await context.tx.query(
      `INSERT INTO notifications (id, username, message, process_instance_id, idempotency_key) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [uuidFrom(`notification\u0000${context.idempotencyKey}`), username, action.message, context.processInstanceId, context.idempotencyKey],
    );
    return { kind: 'completed' };
  }
}
