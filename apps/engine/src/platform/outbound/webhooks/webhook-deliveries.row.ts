// The `webhook_deliveries` table as PostgreSQL answers it, its statuses and its view.
export const WEBHOOK_STATUSES = ['queued', 'delivered', 'failed'] as const;
/** queued: waiting for (or between) attempts; delivered: a 2xx answer; failed: refused, a permanent answer, or attempts exhausted. */
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

export interface WebhookDeliveryView {
  id: string;
  idempotencyKey: string;
  processInstanceId: string | null;
  url: string;
  body: string;
  /** The name of the secret that signs it (never the secret). */
  secretName: string | null;
  status: WebhookStatus;
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface WebhookDeliveryRow {
  id: string;
  idempotency_key: string;
  process_instance_id: string | null;
  url: string;
  body: string;
  secret_name: string | null;
  status: WebhookStatus;
  attempts: number;
  last_error: string | null;
  last_status_code: number | null;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
}

export function toWebhookDeliveryView(row: WebhookDeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    processInstanceId: row.process_instance_id,
    url: row.url,
    body: row.body,
    secretName: row.secret_name,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    lastStatusCode: row.last_status_code,
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
