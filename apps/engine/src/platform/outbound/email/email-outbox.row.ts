// The `email_outbox` table as PostgreSQL answers it, its statuses and its view (the view's type is
// the API contract's, so the answer and its schema cannot drift apart).
import type { EmailStatus, EmailView } from '@stageflow/api-contract';

export type { EmailStatus, EmailView };

/** queued: waiting for (or between) attempts; held: no SMTP_URL on the node that tried; sent: the SMTP server accepted it; failed: attempts exhausted or a permanent refusal. */
export const EMAIL_STATUSES = ['queued', 'held', 'sent', 'failed'] as const satisfies readonly EmailStatus[];

export interface EmailOutboxRow {
  id: string;
  idempotency_key: string;
  process_instance_id: string | null;
  to_address: string;
  subject: string;
  body: string;
  attachment_ids: string[];
  message_id: string;
  status: EmailStatus;
  attempts: number;
  last_error: string | null;
  smtp_response: string | null;
  last_attempt_at: Date | null;
  sent_at: Date | null;
  created_at: Date;
}

export function toEmailView(row: EmailOutboxRow): EmailView {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    processInstanceId: row.process_instance_id,
    to: row.to_address,
    subject: row.subject,
    body: row.body,
    attachmentIds: row.attachment_ids,
    messageId: row.message_id,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    smtpResponse: row.smtp_response,
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    sentAt: row.sent_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
