// A real SMTP server for the API tests (the `smtp-server` package), on 127.0.0.1 and a free
// port: it checks the login the engine uses, records every message it accepts, and refuses
// recipients of two test domains — temporarily (451) at `busy.example` (while it is in
// `busyDomains`), for good (550) at
// `nosuch.example` — so the engine's retries and failures can be watched.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Header name (lower case) -> value, unfolded. */
  headers: Record<string, string>;
  body: string;
}

export class SmtpReceiver {
  readonly mails: ReceivedMail[] = [];
  /** RCPT TO commands seen per address (accepted or refused). */
  readonly recipientAttempts = new Map<string, number>();
  /** Domains whose recipients get 451 (a test clears it to let the next attempt through). */
  readonly busyDomains = new Set(['busy.example']);
  port = 0;
  private server?: SMTPServer;

  constructor(private readonly login: { user: string; pass: string }) {}

  async start(): Promise<void> {
    this.server = new SMTPServer({
      // Plain SMTP on loopback: the test server's only certificate is a published test one.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.login.user && auth.password === this.login.pass) callback(null, { user: auth.username });
        else callback(new Error('invalid login'));
      },
      onRcptTo: (address, _session, callback) => {
        const to = address.address.toLowerCase();
        this.recipientAttempts.set(to, (this.recipientAttempts.get(to) ?? 0) + 1);
        if (this.busyDomains.has(to.slice(to.indexOf('@') + 1)))
          return callback(Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 }));
        if (to.endsWith('@nosuch.example')) return callback(Object.assign(new Error('no such mailbox'), { responseCode: 550 }));
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.mails.push(
            parse(
              chunks,
              session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              session.envelope.rcptTo.map((r) => r.address),
            ),
          );
          callback();
        });
      },
    });
    await new Promise<void>((listening) => this.server?.listen(0, '127.0.0.1', listening));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((closed) => (this.server ? this.server.close(() => closed()) : closed()));
  }

  url(): string {
    return `smtp://${encodeURIComponent(this.login.user)}:${encodeURIComponent(this.login.pass)}@127.0.0.1:${this.port}`;
  }

  mailsTo(address: string): ReceivedMail[] {
    return this.mails.filter((mail) => mail.to.includes(address));
  }
}

function parse(chunks: Buffer[], from: string, to: string[]): ReceivedMail {
  const raw = Buffer.concat(chunks).toString('utf8');
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { from, to, headers, body: raw.slice(split + 4).replace(/\r\n$/, '') };
}
