// GET /api/v1/emails: the outbound email outbox.
import { array, described, instant, integer, named, nullable, page, string, stringEnum, uuid } from '../schemas/json-schema.js';

export type EmailStatus = 'queued' | 'held' | 'sent' | 'failed';

export interface EmailView {
  id: string;
  /** The key it was queued with: queuing again with it changes nothing. */
  idempotencyKey: string;
  processInstanceId: string | null;
  to: string;
  subject: string;
  /** Plain text, as rendered by the action. */
  body: string;
  /** The CRM attachments (ids) sent with the mail, read when it is sent. */
  attachmentIds: string[];
  /** Derived from the idempotency key: a copy sent again after a crash carries the same one. */
  messageId: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  /** The SMTP server's reply to the accepted message. */
  smtpResponse: string | null;
  lastAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
}

export const emailSchema = named<EmailView>('email', {
  id: uuid,
  idempotencyKey: described(string, 'The key it was queued with: queuing again with it changes nothing.'),
  processInstanceId: nullable(uuid),
  to: string,
  subject: string,
  body: described(string, 'Plain text, as rendered by the action.'),
  attachmentIds: described(array(uuid), 'The CRM attachments (ids) sent with the mail, read when it is sent.'),
  messageId: described(string, 'Derived from the idempotency key: a copy sent again after a crash carries the same one.'),
  status: stringEnum(
    ['queued', 'held', 'sent', 'failed'],
    'held: no SMTP_URL configured; failed: attempts exhausted or refused for good (see the job incident).',
  ),
  attempts: integer,
  lastError: nullable(string),
  smtpResponse: nullable(described(string, "The SMTP server's reply to the accepted message.")),
  lastAttemptAt: nullable(instant),
  sentAt: nullable(instant),
  createdAt: instant,
});

export const emailPageSchema = page('email-page', emailSchema);
