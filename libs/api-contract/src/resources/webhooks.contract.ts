// GET /api/v1/webhooks/deliveries: the outbound webhook outbox.
import { described, instant, integer, named, nullable, page, string, stringEnum, uuid } from '../schemas/json-schema.js';

export type WebhookDeliveryStatus = 'queued' | 'delivered' | 'failed';

export interface WebhookDeliveryView {
  id: string;
  /** Sent as Stageflow-Idempotency-Key; queuing again with it changes nothing. */
  idempotencyKey: string;
  processInstanceId: string | null;
  url: string;
  /** The JSON text POSTed (and signed), as rendered by the action. */
  body: string;
  /** The name of the secret that signs the call. */
  secretName: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastError: string | null;
  /** The receiver's last HTTP status. */
  lastStatusCode: number | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export const webhookDeliverySchema = named<WebhookDeliveryView>('webhook-delivery', {
  id: uuid,
  idempotencyKey: described(string, 'Sent as Stageflow-Idempotency-Key; queuing again with it changes nothing.'),
  processInstanceId: nullable(uuid),
  url: string,
  body: described(string, 'The JSON text POSTed (and signed), as rendered by the action.'),
  secretName: nullable(described(string, 'The name of the secret that signs the call (the secret itself stays in the engine configuration).')),
  status: stringEnum(
    ['queued', 'delivered', 'failed'],
    'failed: refused by policy, a permanent answer (4xx but 408/429, a redirect) or attempts exhausted (see the job incident).',
  ),
  attempts: integer,
  lastError: nullable(string),
  lastStatusCode: nullable(described(integer, "The receiver's last HTTP status.")),
  lastAttemptAt: nullable(instant),
  deliveredAt: nullable(instant),
  createdAt: instant,
});

export const webhookDeliveryPageSchema = page('webhook-delivery-page', webhookDeliverySchema);
