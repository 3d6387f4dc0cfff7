// The SMTP settings of the e-mail outbox, read from the environment at start-up. Without
// SMTP_URL the engine still accepts e-mails: they wait in the outbox with status `held`
// (never dropped) and go out after a restart with SMTP_URL set.

export interface SmtpConfig {
  /** smtp://user:pass@host:port (STARTTLS when the server offers it) or smtps://… (TLS from the start); nodemailer's URL options allowed. */
  url: string;
  /** The From address of every e-mail, e.g. `Stageflow <noreply@example.com>`. */
  from: string;
}

export interface EmailConfig {
  /** Absent: e-mails are held in the outbox, not sent. */
  smtp?: SmtpConfig;
  /** Attempts of one e-mail before it is `failed` (graphile-worker back-off: 10 attempts span about 3.5 hours). */
  maxAttempts: number;
  /** Connection, greeting and socket timeout of one SMTP attempt. */
  timeoutMs: number;
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0 || parsed > 32767) throw new Error(`${name} must be an integer from 1 to 32767, got "${value}"`);
  return parsed;
}

/** Throws on a setting that cannot work (the engine refuses to start rather than lose mail later). */
export function loadEmailConfig(env: NodeJS.ProcessEnv): EmailConfig {
  const maxAttempts = positiveInt(env.SMTP_MAX_ATTEMPTS, 10, 'SMTP_MAX_ATTEMPTS');
  const timeoutMs = positiveInt(env.SMTP_TIMEOUT_MS, 30_000, 'SMTP_TIMEOUT_MS');
  const url = env.SMTP_URL?.trim();
  if (!url) return { maxAttempts, timeoutMs };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('SMTP_URL is not a URL (expected smtp://user:pass@host:port or smtps://…)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new Error(`SMTP_URL must start with smtp:// or smtps://, got ${parsed.protocol}//`);
  if (!parsed.hostname) throw new Error('SMTP_URL names no host');
  const from = env.SMTP_FROM?.trim();
  if (!from) throw new Error('SMTP_FROM is required when SMTP_URL is set (the From address of the e-mails)');
  if (!/@[^@\s>]+/.test(from)) throw new Error(`SMTP_FROM must contain an e-mail address, got "${from}"`);
  return { smtp: { url, from }, maxAttempts, timeoutMs };
}
