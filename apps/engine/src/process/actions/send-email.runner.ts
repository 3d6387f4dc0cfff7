// sendEmail: queues the rendered e-mail in the outbox (EmailOutboxService, docs/outbound.md) on
// the run's transaction, with the run's idempotency key: the mail, its delivery job and the
// run's row commit together, and the outbox refuses a second row for the key. Delivery (SMTP,
// retries) is the outbox's; the task moves on once the mail is queued. An input that cannot be
// a mail (no address after rendering, an attachment that is no id) is a business error. The
// attachments are named by id; the outbox reads their bytes when it sends (docs/outbound.md).
import { Injectable } from '@nestjs/common';
import type { SendEmailAction } from '@stageflow/process-package';
import { EmailOutboxService } from '../../platform/outbound/email/email-outbox.service.js';
import { InvalidOutboundRequest } from '../../platform/outbound/invalid-outbound-request.js';
import { INVALID_ACTION_INPUT } from './action-errors.js';
import type { ActionOutcome, ActionRunContext, ActionRunner } from './action-runner.js';

@Injectable()
export class SendEmailRunner implements ActionRunner<'sendEmail'> {
  readonly type = 'sendEmail' as const;

  constructor(private readonly outbox: EmailOutboxService) {}

  async run(action: SendEmailAction, context: ActionRunContext): Promise<ActionOutcome> {
    try {
      await this.outbox.enqueue(context.tx, {
        idempotencyKey: context.idempotencyKey,
        processInstanceId: context.processInstanceId,
        to: action.to,
        subject: action.subject,
        body: action.body ?? '',
        // Each rendered to an attachment id; an empty one (a document not made on this path) is no attachment.
        attachmentIds: (action.attachments ?? []).map((item) => item.trim()).filter((item) => item !== ''),
      });
    } catch (error) {
      if (error instanceof InvalidOutboundRequest) return { kind: 'failed', errorCode: INVALID_ACTION_INPUT, message: `sendEmail: ${error.message}` };
      throw error;
    }
    return { kind: 'completed' };
  }
}
