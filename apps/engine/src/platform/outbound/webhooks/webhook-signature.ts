// The headers of a webhook call. A receiver verifies `Stageflow-Signature` by computing
// HMAC-SHA256(secret, "<Stageflow-Timestamp>.<raw body>") and comparing in constant time; it
// rejects old timestamps (replays) and de-duplicates by `Stageflow-Idempotency-Key` (delivery
// is at least once: a retry after a lost response calls again with the same key).
import { createHmac } from 'node:crypto';

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** `timestamp`: Unix seconds of this attempt (by the database clock). Without a secret the call is not signed. */
export function webhookHeaders(body: string, idempotencyKey: string, timestamp: number, secret: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'Stageflow-Webhooks/1',
    'Stageflow-Idempotency-Key': idempotencyKey,
    'Stageflow-Timestamp': String(timestamp),
  };
  if (secret !== undefined) headers['Stageflow-Signature'] = signatureOf(secret, timestamp, body);
  return headers;
}
