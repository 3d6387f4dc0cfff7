// callWebhook: queues the signed call in the webhook outbox (WebhookOutboxService,
// docs/outbound.md) on the run's transaction, with the run's idempotency key (sent as a header,
// so the receiver can drop a repeated delivery). Without a body template the body names the
// instance only — never all its variables, which would hand a third party everything the
// process holds. A URL or body that cannot be sent (not a URL, not JSON after rendering) is a
// business error; the allow-list and delivery are the outbox's.
import { Injectable } from '@nestjs/common';
import type { CallWebhookAction } from '@stageflow/process-package';
import { InvalidOutboundRequest } from '../../platform/outbound/invalid-outbound-request.js';
import { WebhookOutboxService } from '../../platform/outbound/webhooks/webhook-outbox.service.js';
import { INVALID_ACTION_INPUT } from './action-errors.js';
import type { ActionOutcome, ActionRunContext, ActionRunner } from './action-runner.js';

@Injectable()
export class CallWebhookRunner implements ActionRunner<'callWebhook'> {
  readonly type = 'callWebhook' as const;

  constructor(private readonly outbox: WebhookOutboxService) {}

  async run(action: CallWebhookAction, context: ActionRunContext): Promise<ActionOutcome> {
    const body = action.body ?? JSON.stringify({ processInstanceId: context.processInstanceId });
    try {
      await this.outbox.enqueue(context.tx, {
        idempotencyKey: context.idempotencyKey,
        processInstanceId: context.processInstanceId,
        url: action.url,
        body,
        ...(action.secret === undefined ? {} : { secretName: action.secret }),
      });
    } catch (error) {
      if (error instanceof InvalidOutboundRequest) return { kind: 'failed', errorCode: INVALID_ACTION_INPUT, message: `callWebhook: ${error.message}` };
      throw error;
    }
    return { kind: 'completed' };
  }
}
