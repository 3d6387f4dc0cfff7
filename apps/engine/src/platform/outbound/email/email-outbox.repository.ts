// All SQL of the `email_outbox` table: the insert of a row with its delivery job (on the caller's
// transaction, for EmailOutboxService.enqueue), the delivery job's state changes and the API's
// listing. The job's statements go to the engine's pg pool.
import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { Page, Paging } from '../../http/input.js';
import type { Queryable } from '../../database/queryable.js';
import { rowsOf } from '../../database/query-rows.js';
import type { JobRequest } from '../../jobs/job-request.js';
import { JOB_SCHEMA, addJobSpecsSelect } from '../../jobs/job-sql.js';
import { insertOnce, type Enqueued } from '../insert-once.js';
import { outboxPage } from '../outbox-page.js';
import { toEmailView, type EmailOutboxRow, type EmailStatus, type EmailView } from './email-outbox.row.js';
import { SEND_EMAIL_TASK } from './send-email-job.js';

/** What one attempt sends. */
export interface ClaimedEmail {
  id: string;
  to: string;
  subject: string;
  body: string;
  attachmentIds: string[];
  messageId: string;
  attempts: number;
}

const MAX_ERROR = 2000;

@Injectable()
export class EmailOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('the PostgreSQL pool is not open');
    return pool;
  }

  /**
   * Inserts the row and its delivery job in one statement on `tx`, unless its idempotency key is
   * queued already (then nothing is written). Static: it always runs on the caller's transaction,
   * so the outbox service calls it without an instance (and keeps its one-argument constructor).
   */
  static insertOnce(
    row: Pick<
      EmailOutboxRow,
      'id' | 'idempotency_key' | 'process_instance_id' | 'to_address' | 'subject' | 'body' | 'attachment_ids' | 'message_id' | 'status'
    >,
    job: JobRequest,
    tx: Queryable,
  ): Promise<Enqueued> {
    return insertOnce(tx, 'email_outbox', row, job);
  }

  /** Newest first. */
  async list(filter: { status?: EmailStatus; processInstanceId?: string }, paging: Paging): Promise<Page<EmailView>> {
    return outboxPage<EmailOutboxRow, EmailView>(this.pool, 'email_outbox', filter, paging, toEmailView);
  }

  /** Counts an attempt and answers what to send; nothing when the e-mail was sent already (a job that ran again) or is gone. */
  async claim(id: string): Promise<ClaimedEmail | undefined> {
    const result = await this.pool.query<{
      id: string;
      to_address: string;
      subject: string;
      body: string;
      attachment_ids: string[];
      message_id: string;
      attempts: number;
    }>(
      `UPDATE email_outbox SET attempts = attempts + 1, last_attempt_at = now(), status = 'queued'
        WHERE id = $1::uuid AND status <> 'sent'
        RETURNING id, to_address, subject, body, attachment_ids, message_id, attempts`,
      [id],
    );
    const row = result.rows[0];
    return row
      ? {
          id: row.id,
          to: row.to_address,
          subject: row.subject,
          body: row.body,
          attachmentIds: row.attachment_ids,
          messageId: row.message_id,
          attempts: row.attempts,
        }
      : undefined;
  }

  async markSent(id: string, smtpResponse: string): Promise<void> {
    await this.pool.query(`UPDATE email_outbox SET status = 'sent', sent_at = now(), smtp_response = $2, last_error = NULL WHERE id = $1::uuid`, [
      id,
      smtpResponse.slice(0, MAX_ERROR),
    ]);
  }

  /** `final`: no attempt follows (exhausted or permanent), the e-mail is `failed`; else it stays `queued` for the next one. */
  async markAttemptFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.pool.query(`UPDATE email_outbox SET status = $3, last_error = $2 WHERE id = $1::uuid AND status <> 'sent'`, [
      id,
      error.slice(0, MAX_ERROR),
      final ? 'failed' : 'queued',
    ]);
  }

  async hold(id: string, reason: string): Promise<void> {
    await this.pool.query(`UPDATE email_outbox SET status = 'held', last_error = $2 WHERE id = $1::uuid AND status <> 'sent'`, [id, reason]);
  }

  /** Queues every held e-mail again (one statement: rows and jobs; no add_jobs, so no NOTIFY, when none is held); answers how many. */
  async releaseHeld(maxAttempts: number): Promise<number> {
    const result = await this.pool.query<{ released: number }>(
      `WITH released AS (
         UPDATE email_outbox SET status = 'queued', last_error = NULL WHERE status = 'held' RETURNING id, process_instance_id),
       jobs AS (${addJobSpecsSelect(`
         SELECT ROW($1::text, json_build_object('emailId', r.id, 'processInstanceId', r.process_instance_id), NULL, now(), $2::int, 'email:' || r.id, NULL, NULL)::${JOB_SCHEMA}.job_spec
           FROM released r`)})
       SELECT (SELECT count(*)::int FROM released) AS released, (SELECT count(*) FROM jobs) AS jobs`,
      [SEND_EMAIL_TASK, maxAttempts],
    );
    return result.rows[0]?.released ?? 0;
  }

  /**
   * A CRM record's timeline: the e-mails sent by any of `processInstanceIds` or to any of
   * `addresses` (compared case-insensitively), newest first by `(sort_at, sort_key)` — the queueing
   * time to the microsecond as UTC text and `email:<id>`, compared byte-wise — before `before`.
   */
  async aboutRecord(
    about: { processInstanceIds: readonly string[]; addresses: readonly string[] },
    before: { sortAt: string; sortKey: string } | undefined,
    limit: number,
    db: Queryable = this.dataSource,
  ): Promise<(EmailOutboxRow & { sort_at: string; sort_key: string })[]> {
    if (about.processInstanceIds.length === 0 && about.addresses.length === 0) return [];
    return rowsOf<EmailOutboxRow & { sort_at: string; sort_key: string }>(
      await db.query(
        `SELECT * FROM (
           SELECT o.*, to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_at, 'email:' || o.id AS sort_key
             FROM email_outbox o WHERE o.process_instance_id = ANY($1::uuid[]) OR lower(o.to_address) = ANY($2::text[])) e
          WHERE $3::text IS NULL OR (e.sort_at COLLATE "C", e.sort_key COLLATE "C") < ($3::text COLLATE "C", $4::text COLLATE "C")
          ORDER BY e.sort_at COLLATE "C" DESC, e.sort_key COLLATE "C" DESC LIMIT $5`,
        [about.processInstanceIds, about.addresses.map((address) => address.toLowerCase()), before?.sortAt ?? null, before?.sortKey ?? null, limit],
      ),
    );
  }

  /** Personal data: the e-mails to any of `addresses` (compared case-insensitively), oldest first. */
  async toAddresses(addresses: readonly string[], db: Queryable = this.dataSource): Promise<EmailView[]> {
    if (addresses.length === 0) return [];
    const rows = rowsOf<EmailOutboxRow>(
      await db.query(`SELECT * FROM email_outbox WHERE lower(to_address) = ANY($1::text[]) ORDER BY created_at, id`, [
        addresses.map((address) => address.toLowerCase()),
      ]),
    );
    return rows.map(toEmailView);
  }

  /**
   * Personal data: e-mails to any of `addresses` lose their address, subject and body (`replacement`),
   * and every text matching `pattern` (a PostgreSQL regular expression, case-insensitive) in other
   * e-mails is replaced; status, attempts and dates stay. Answers how many rows changed.
   */
  async scrub(addresses: readonly string[], pattern: string, replacement: string, tx: Queryable): Promise<number> {
    const result = (await tx.query(
      `WITH changed AS (
         UPDATE email_outbox SET
           to_address = CASE WHEN lower(to_address) = ANY($1::text[]) THEN $3 ELSE regexp_replace(to_address, $2, $3, 'gi') END,
           subject = CASE WHEN lower(to_address) = ANY($1::text[]) THEN $3 ELSE regexp_replace(subject, $2, $3, 'gi') END,
           body = CASE WHEN lower(to_address) = ANY($1::text[]) THEN $3 ELSE regexp_replace(body, $2, $3, 'gi') END,
           smtp_response = regexp_replace(smtp_response, $2, $3, 'gi'),
           last_error = regexp_replace(last_error, $2, $3, 'gi')
         WHERE lower(to_address) = ANY($1::text[]) OR to_address ~* $2 OR subject ~* $2 OR body ~* $2 OR smtp_response ~* $2 OR last_error ~* $2
         RETURNING 1)
       SELECT count(*)::int AS changed FROM changed`,
      [addresses.map((address) => address.toLowerCase()), pattern, replacement],
    )) as { changed: number }[];
    return result[0]?.changed ?? 0;
  }
}
