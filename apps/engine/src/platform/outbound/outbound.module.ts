import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { EmailAttachments } from './email/email-attachments.js';
import { EmailDeliveryJob } from './email/email-delivery.job.js';
import { EmailOutboxRepository } from './email/email-outbox.repository.js';
import { EmailOutboxService } from './email/email-outbox.service.js';
import { EmailsController } from './email/emails.controller.js';
import { WebhookDeliveriesRepository } from './webhooks/webhook-deliveries.repository.js';
import { WebhookDeliveryJob } from './webhooks/webhook-delivery.job.js';
import { WebhookOutboxService } from './webhooks/webhook-outbox.service.js';
import { WebhooksController } from './webhooks/webhooks.controller.js';

/**
 * What leaves the engine: e-mails (SMTP) and webhooks, each written to an outbox in the caller's
 * transaction and delivered by a job with an idempotency key. Owns `email_outbox` and `webhook_deliveries`.
 */
@Module({
  imports: [JobsModule],
  controllers: [EmailsController, WebhooksController],
  providers: [
    EmailOutboxRepository,
    EmailOutboxService,
    EmailAttachments,
    EmailDeliveryJob,
    WebhookDeliveriesRepository,
    WebhookOutboxService,
    WebhookDeliveryJob,
  ],
  // EmailOutboxRepository for the CRM's export and erasure of a person's e-mails; EmailAttachments for the CRM to register where attached files are read.
  exports: [EmailOutboxService, WebhookOutboxService, EmailOutboxRepository, EmailAttachments],
})
export class OutboundModule {}
