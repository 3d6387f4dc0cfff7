// notifyUser: one in-app notification for the rendered user, in the run's transaction. The row
// carries the run's idempotency key (unique), so it exists once per run. An empty or unknown
// user is a business error (an error boundary on the task may route it to a manager).
import { Injectable } from '@nestjs/common';
import type { NotifyUserAction } from '@stageflow/process-package';
import { uuidFrom } from '../../platform/database/uuid-from.js';
import { INVALID_ACTION_INPUT, UNKNOWN_USER } from './action-errors.js';
import type { ActionOutcome, ActionRunContext, ActionRunner } from './action-runner.js';
import { UsersRepository } from '../../platform/identity/users/users.repository.js';
import { NotificationsRepository } from '../../platform/notifications/notifications.repository.js';

@Injectable()
export class NotifyUserRunner implements ActionRunner<'notifyUser'> {
  readonly type = 'notifyUser' as const;

  constructor(
    private readonly users: UsersRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  async run(action: NotifyUserAction, context: ActionRunContext): Promise<ActionOutcome> {
    const username = action.user.trim();
    if (username === '') return { kind: 'failed', errorCode: INVALID_ACTION_INPUT, message: 'notifyUser: the user rendered empty' };
    if ((await this.users.findIdByUsername(username, context.tx)) === undefined)
      return { kind: 'failed', errorCode: UNKNOWN_USER, message: `notifyUser: no user "${username}"` };
    await this.notifications.insertOnce(
      {
        id: uuidFrom(`notification\u0000${context.idempotencyKey}`),
        username,
        message: action.message,
        process_instance_id: context.processInstanceId,
        idempotency_key: context.idempotencyKey,
      },
      context.tx,
    );
    return { kind: 'completed' };
  }
}
