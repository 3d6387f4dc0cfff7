// Works the `stageflow.send-email` jobs: claims the outbox row (counting the attempt), sends it
// over SMTP, marks it sent.
//
// At least once, on purpose. The mark comes AFTER the SMTP server accepted the message: marking
// first would lose the mail when the node dies between the mark and the send (at most once).
// The price is the other window: a node that dies after the server's "250 OK" and before the
// mark sends the mail again when the job runs again (after STAGEFLOW_NODE_DEAD_AFTER_MS). That
// second copy carries the same Message-ID (derived from the idempotency key), so it is
// recognisable and de-duplicated by clients that do so. A job that runs again after the mark
// finds the row `sent` and sends nothing.
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ENGINE_CONFIG, type EngineConfig } from '../../config/engine-config.js';
import { JobHandlerRegistry, type JobContext } from '../../jobs/job-handler-registry.js';
import type { JobPayload } from '../../jobs/job-request.js';
import { PermanentJobFailure } from '../../jobs/permanent-job-failure.js';
import { EmailAttachments } from './email-attachments.js';
import { EmailOutboxRepository } from './email-outbox.repository.js';
import { SEND_EMAIL_TASK } from './send-email-job.js';
import { SmtpMailer, isPermanentSmtpFailure } from './smtp-mailer.js';

const NO_SMTP = 'SMTP_URL is not set on the node that tried: the e-mail is held in the outbox and sent by a node that runs with SMTP_URL';

@Injectable()
export class EmailDeliveryJob implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly log = new Logger('Email');
  private readonly mailer?: SmtpMailer;
  private releaseTimer?: NodeJS.Timeout;

  constructor(
    registry: JobHandlerRegistry,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly outbox: EmailOutboxRepository,
    private readonly attachments: EmailAttachments,
  ) {
    const smtp = config.email.smtp;
    if (smtp) this.mailer = new SmtpMailer(smtp, config.email.timeoutMs);
    registry.register(SEND_EMAIL_TASK, (payload, context) => this.deliver(payload, context));
  }

  /**
   * Says at start-up whether mail goes out. With SMTP, queues the mail held while there was none,
   * now and then at the rhythm of the node heartbeat: during a rolling change of settings, nodes
   * still without SMTP_URL hold mail after this node started, and it must not wait for the next
   * restart. (With nothing held that is one indexed UPDATE matching no row, and no NOTIFY.)
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.mailer) {
      this.log.warn(
        `SMTP_URL is not set: e-mails are kept in the outbox with status 'held' (GET /api/v1/emails?status=held) and sent by any node that runs with SMTP_URL and SMTP_FROM`,
      );
      return;
    }
    await this.releaseHeld();
    this.releaseTimer = setInterval(() => void this.releaseHeld(), Math.max(1000, Math.floor(this.config.nodeDeadAfterMs / 4)));
    this.releaseTimer.unref();
  }

  /** Before any pool closes, so no round runs on a closing database. */
  beforeApplicationShutdown(): void {
    clearInterval(this.releaseTimer);
  }

  onApplicationShutdown(): void {
    this.mailer?.close();
  }

  private async releaseHeld(): Promise<void> {
    try {
      const released = await this.outbox.releaseHeld(this.config.email.maxAttempts);
      if (released > 0) this.log.warn(`${released} held e-mail(s) queued for sending`);
    } catch (error) {
      // The database is away (a restart): the next round tries again.
      this.log.warn(`releasing held e-mail failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async deliver(payload: JobPayload, context: JobContext): Promise<void> {
    const id = payload.emailId;
    if (typeof id !== 'string' || id.length === 0) throw new PermanentJobFailure('job payload has no emailId');
    if (!this.mailer) {
      await this.outbox.hold(id, NO_SMTP);
      return;
    }
    const email = await this.outbox.claim(id);
    if (!email) return; // sent already (this job ran again) or no longer there
    let response: string;
    try {
      // Read at each attempt, not when queued: the outbox holds ids, the bytes stay in one place.
      const attachments = await this.attachments.read(email.attachmentIds);
      response = await this.mailer.send({ to: email.to, subject: email.subject, text: email.body, messageId: email.messageId, attachments });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent = isPermanentSmtpFailure(error) || error instanceof PermanentJobFailure;
      await this.outbox.markAttemptFailed(id, message, permanent || context.attempt >= context.maxAttempts);
      if (error instanceof PermanentJobFailure) throw new PermanentJobFailure(`e-mail ${id} not sent: ${message}`);
      throw permanent ? new PermanentJobFailure(`e-mail ${id} refused by the SMTP server: ${message}`) : new Error(`e-mail ${id} not sent: ${message}`);
    }
    await this.outbox.markSent(id, response);
  }
}
