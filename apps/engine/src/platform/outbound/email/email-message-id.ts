// The Message-ID of an outbox e-mail is derived from its idempotency key (and the sender's
// domain), never random: delivery is at least once, and a mail sent again after a crash
// between the SMTP "250 OK" and our "sent" mark carries the same Message-ID as the first, so
// receiving servers and mail clients that de-duplicate by Message-ID show it once, and anyone
// reading headers can tell it is the same mail.
import { createHash } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';

/** Used when no SMTP_FROM is configured yet (the e-mail waits in the outbox). */
const FALLBACK_DOMAIN = 'stageflow.invalid';

/** The domain of the first address in a From value (`Sales <sales@example.com>` -> `example.com`). */
export function senderDomain(from: string | undefined): string {
  const first = from ? addressparser(from, { flatten: true })[0] : undefined;
  const domain = first?.address?.split('@')[1]?.toLowerCase();
  return domain && /^[a-z0-9.-]+$/.test(domain) ? domain : FALLBACK_DOMAIN;
}

export function messageIdFor(idempotencyKey: string, from: string | undefined): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40);
  return `<${digest}@${senderDomain(from)}>`;
}
