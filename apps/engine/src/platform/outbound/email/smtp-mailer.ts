// Sends one e-mail through the SMTP server of SMTP_URL with nodemailer (a connection per
// message: outbox mail is a trickle, and a fresh connection never trips over one the server
// closed while idle).
import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailAttachmentFile } from './email-attachments.js';
import type { SmtpConfig } from './smtp-config.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  attachments?: readonly EmailAttachmentFile[];
}

export class SmtpMailer {
  private readonly transport: Transporter;

  constructor(config: SmtpConfig, timeoutMs: number) {
    this.transport = nodemailer.createTransport(
      { url: config.url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs },
      { from: config.from },
    );
  }

  /** Resolves with the server's reply once it accepted the message; rejects with nodemailer's error. */
  async send(mail: OutgoingMail): Promise<string> {
    const attachments = (mail.attachments ?? []).map((file) => ({ filename: file.fileName, content: file.content, contentType: file.contentType }));
    const info = (await this.transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      ...(attachments.length > 0 ? { attachments } : {}),
    })) as { response?: unknown };
    return typeof info.response === 'string' ? info.response : 'accepted';
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * A refusal that the same message would get again (RFC 5321: every 5yz reply but 503, e.g.
 * "550 mailbox unavailable", "535 authentication failed"): no more attempts. Connection
 * failures, time-outs and 4yz replies are worth retrying.
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600 && code !== 503;
}
