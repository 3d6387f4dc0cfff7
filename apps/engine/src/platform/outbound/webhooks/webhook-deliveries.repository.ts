// All SQL of the `webhook_deliveries` table: the insert of a row with its delivery job (on the
// caller's transaction, for WebhookOutboxService.enqueue), the delivery job's state changes and
// the API's listing. The job's statements go to the engine's pg pool.
import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { Page, Paging } from '../../http/input.js';
import type { Queryable } from '../../database/queryable.js';
import type { JobRequest } from '../../jobs/job-request.js';
import { insertOnce, type Enqueued } from '../insert-once.js';
import { outboxPage } from '../outbox-page.js';
import { toWebhookDeliveryView, type WebhookDeliveryRow, type WebhookDeliveryView, type WebhookStatus } from './webhook-deliveries.row.js';

/** What one attempt sends. */
export interface ClaimedDelivery {
  id: string;
  idempotencyKey: string;
  url: string;
  body: string;
  secretName: string | null;
  /** The database clock at the claim, Unix seconds: the attempt's Stageflow-Timestamp (time is the database's, not a node's). */
  claimedAt: number;
}

const MAX_ERROR = 2000;

@Injectable()
export class WebhookDeliveriesRepository {
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
    row: Pick<WebhookDeliveryRow, 'id' | 'idempotency_key' | 'process_instance_id' | 'url' | 'body' | 'secret_name' | 'status'>,
    job: JobRequest,
    tx: Queryable,
  ): Promise<Enqueued> {
    return insertOnce(tx, 'webhook_deliveries', row, job);
  }

  /** Newest first. */
  async list(filter: { status?: WebhookStatus; processInstanceId?: string }, paging: Paging): Promise<Page<WebhookDeliveryView>> {
    return outboxPage<WebhookDeliveryRow, WebhookDeliveryView>(this.pool, 'webhook_deliveries', filter, paging, toWebhookDeliveryView);
  }

  /** Counts an attempt and answers what to send; nothing when it was delivered already (a job that ran again) or is gone. */
  async claim(id: string): Promise<ClaimedDelivery | undefined> {
    const result = await this.pool.query<{ id: string; idempotency_key: string; url: string; body: string; secret_name: string | null; claimed_at: number }>(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = now(), status = 'queued'
        WHERE id = $1::uuid AND status <> 'delivered'
        RETURNING id, idempotency_key, url, body, secret_name, floor(extract(epoch FROM now()))::float8 AS claimed_at`,
      [id],
    );
    const row = result.rows[0];
    return row
      ? { id: row.id, idempotencyKey: row.idempotency_key, url: row.url, body: row.body, secretName: row.secret_name, claimedAt: row.claimed_at }
      : undefined;
  }

  async markDelivered(id: string, statusCode: number): Promise<void> {
    await this.pool.query(
      `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), last_status_code = $2, last_error = NULL WHERE id = $1::uuid`,
      [id, statusCode],
    );
  }

  /** `final`: no attempt follows (refused, permanent or exhausted), the delivery is `failed`; else it stays `queued`. */
  async markAttemptFailed(id: string, error: string, statusCode: number | null, final: boolean): Promise<void> {
    await this.pool.query(`UPDATE webhook_deliveries SET status = $4, last_error = $2, last_status_code = $3 WHERE id = $1::uuid AND status <> 'delivered'`, [
      id,
      error.slice(0, MAX_ERROR),
      statusCode,
      final ? 'failed' : 'queued',
    ]);
  }
}
