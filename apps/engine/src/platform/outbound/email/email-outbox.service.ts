// Queues an e-mail: one outbox row and the job that sends it, written by ONE statement on the
// caller's connection.
//
// Why `tx` is a `Queryable` (a pg PoolClient, a TypeORM QueryRunner or EntityManager — the same
// type JobsService takes): the engine has no ambient transaction object; work outside an
// instance command runs on a connection the caller holds (BEGIN … COMMIT on a PoolClient, or
// `dataSource.transaction(manager => …)`). Passing that connection makes the e-mail part of the
// caller's transaction — the action's own writes, the row and its graphile-worker job commit or
// roll back together — and graphile-worker's SQL API (`add_jobs`) is what lets the job ride in
// that transaction (docs/jobs.md). The row and its job are one statement (outbound/insert-once.ts).
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import addressparser from 'nodemailer/lib/addressparser';
import { isUuid } from '../../http/input.js';
import { ENGINE_CONFIG, type EngineConfig } from '../../config/engine-config.js';
import type { Queryable } from '../../database/queryable.js';
import type { Enqueued } from '../insert-once.js';
export type { Enqueued } from '../insert-once.js';
import { InvalidOutboundRequest } from '../invalid-outbound-request.js';
import { messageIdFor } from './email-message-id.js';
import { EmailOutboxRepository } from './email-outbox.repository.js';
import { sendEmailJob } from './send-email-job.js';

export interface EmailRequest {
  /** Enqueueing again with the same key changes nothing: one row, one mail (the first request wins). */
  idempotencyKey: string;
  processInstanceId: string | null;
  /** One address or several, comma-separated (`Ann <ann@example.com>, bob@example.com`). */
  to: string;
  subject: string;
  /** Plain text. */
  body: string;
  /** CRM attachments (ids) sent with the mail: read through EmailAttachments when it is sent. */
  attachmentIds?: readonly string[];
}

const MAX_KEY = 500;
const MAX_TO = 2000;
const MAX_SUBJECT = 998; // RFC 5322 line length
const MAX_BODY = 1_000_000;
const MAX_ATTACHMENTS = 10;

function checkText(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw new InvalidOutboundRequest(field, 'is required and must be a non-empty string');
  if (value.length > max) throw new InvalidOutboundRequest(field, `must be at most ${max} characters, got ${value.length}`);
  return value;
}

/** Throws InvalidOutboundRequest naming the field; answers the request as it will be stored. */
export function checkEmailRequest(request: EmailRequest): EmailRequest {
  const idempotencyKey = checkText(request.idempotencyKey, 'idempotencyKey', MAX_KEY);
  if (request.processInstanceId !== null && (typeof request.processInstanceId !== 'string' || !isUuid(request.processInstanceId))) {
    throw new InvalidOutboundRequest('processInstanceId', 'must be a process instance id (a UUID) or null');
  }
  const to = checkText(request.to, 'to', MAX_TO).trim();
  if (/[\r\n]/.test(to)) throw new InvalidOutboundRequest('to', 'must be on one line');
  const recipients = addressparser(to, { flatten: true });
  const bad = recipients.find((recipient) => !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(recipient.address));
  if (recipients.length === 0 || bad) throw new InvalidOutboundRequest('to', `must be e-mail addresses, got "${bad ? bad.address || bad.name : to}"`);
  // Templates often end a subject with a line break; one inside it would start a new header.
  const subject = checkText(request.subject, 'subject', MAX_SUBJECT).trim();
  if (/[\r\n]/.test(subject)) throw new InvalidOutboundRequest('subject', 'must be one line');
  if (typeof request.body !== 'string') throw new InvalidOutboundRequest('body', 'must be a string');
  if (request.body.length > MAX_BODY) throw new InvalidOutboundRequest('body', `must be at most ${MAX_BODY} characters, got ${request.body.length}`);
  const attachmentIds = request.attachmentIds ?? [];
  if (!Array.isArray(attachmentIds) || attachmentIds.length > MAX_ATTACHMENTS)
    throw new InvalidOutboundRequest('attachments', `must be a list of at most ${MAX_ATTACHMENTS} attachment ids`);
  const notId = attachmentIds.find((item) => typeof item !== 'string' || !isUuid(item));
  if (notId !== undefined) throw new InvalidOutboundRequest('attachments', `must be attachment ids (UUIDs), got "${String(notId)}"`);
  return { idempotencyKey, processInstanceId: request.processInstanceId, to, subject, body: request.body, attachmentIds: [...new Set(attachmentIds)] };
}

@Injectable()
export class EmailOutboxService {
  constructor(@Inject(ENGINE_CONFIG) private readonly config: EngineConfig) {}

  /**
   * Queues the e-mail on `tx` (see the top of this file); inputs arrive rendered. Throws
   * InvalidOutboundRequest before writing anything when an input cannot be a mail.
   */
  async enqueue(tx: Queryable, request: EmailRequest): Promise<Enqueued> {
    const email = checkEmailRequest(request);
    const id = randomUUID();
    const row = {
      id,
      idempotency_key: email.idempotencyKey,
      process_instance_id: email.processInstanceId,
      to_address: email.to,
      subject: email.subject,
      body: email.body,
      attachment_ids: [...(email.attachmentIds ?? [])],
      message_id: messageIdFor(email.idempotencyKey, this.config.email.smtp?.from),
      status: 'queued' as const,
    };
    return EmailOutboxRepository.insertOnce(row, sendEmailJob(id, email.processInstanceId, this.config.email.maxAttempts), tx);
  }
}
