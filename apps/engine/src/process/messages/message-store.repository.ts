// The SQL of message correlation outside an instance command: find the waiting subscriptions of
// a message, the start events it may start, and buffer a message nobody waits for yet.
import { Injectable } from '@nestjs/common';
import type { Variables } from '@stageflow/bpmn-runtime';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { EXPIRE_BUFFERED_MESSAGE_TASK } from '../correlation/correlation-jobs.js';
import type { JobRequest } from '../../platform/jobs/job-request.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import {
  bufferedMessageOf,
  waitingSubscriptionOf,
  type BufferedMessage,
  type BufferedMessageRow,
  type MessageSubscriptionRow,
  type WaitingSubscription,
} from './buffered-message.row.js';

export type { BufferedMessage, WaitingSubscription } from './buffered-message.row.js';

export interface EventStartEvent {
  definitionId: string;
  definitionKey: string;
  elementId: string;
}

/** Subscriptions that already claimed a buffered message are taken: that message is theirs. */
function waitingSql(correlationKey: string | null): string {
  // Two shapes rather than `= $2 OR (IS NULL AND $2 IS NULL)`, so that the (name, key) index serves both.
  const key = correlationKey === null ? 's.correlation_key IS NULL AND $2::text IS NULL' : 's.correlation_key = $2::text';
  return `FROM message_subscriptions s
  WHERE s.message_name = $1 AND ${key}
    AND NOT EXISTS (SELECT 1 FROM buffered_messages b WHERE b.claimed_by_subscription = s.id)`;
}

/**
 * The advisory lock that orders, per message name and key, "buffer a message" against "open a
 * subscription" (see InstanceStoreRepository.write): whichever commits first, the other sees it.
 */
export const MESSAGE_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext($1::text), hashtext(COALESCE($2::text, '')))`;

@Injectable()
export class MessageStoreRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  private get pool(): Pool {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('the PostgreSQL pool is not open');
    return pool;
  }

  /** Up to `limit` waiting subscriptions of the message, oldest first. */
  async waiting(name: string, correlationKey: string | null, limit: number): Promise<WaitingSubscription[]> {
    const result = await this.pool.query<Pick<MessageSubscriptionRow, 'id' | 'process_instance_id' | 'element_id'>>(
      `SELECT s.id, s.process_instance_id, s.element_id ${waitingSql(correlationKey)} ORDER BY s.created_at, s.id LIMIT $3`,
      [name, correlationKey, limit],
    );
    return result.rows.map(waitingSubscriptionOf);
  }

  async subscriptionExists(subscriptionId: string): Promise<boolean> {
    const result = await this.pool.query('SELECT 1 FROM message_subscriptions WHERE id = $1', [subscriptionId]);
    return (result.rowCount ?? 0) > 0;
  }

  /** Message or signal start events of the LATEST version of every process key. */
  async startEvents(kind: 'message' | 'signal', name: string): Promise<EventStartEvent[]> {
    const result = await this.pool.query<{ definition_id: string; definition_key: string; element_id: string }>(
      `SELECT e.definition_id, e.definition_key, e.element_id FROM event_start_events e
        WHERE e.kind = $1 AND e.name = $2
          AND e.definition_version = (SELECT max(d.version) FROM process_definitions d WHERE d.key = e.definition_key)
        ORDER BY e.definition_key, e.element_id`,
      [kind, name],
    );
    return result.rows.map((row) => ({ definitionId: row.definition_id, definitionKey: row.definition_key, elementId: row.element_id }));
  }

  /**
   * Keeps the message for `ttlSeconds` (by the database clock) — unless, under the lock of its
   * name and key, a subscription turns out to wait for it after all: then nothing is stored and
   * the answer is `waiting` (the caller correlates instead).
   */
  async buffer(message: {
    id: string;
    name: string;
    correlationKey: string | null;
    variables: Variables;
    ttlSeconds: number;
    publishedBy: string;
  }): Promise<{ kind: 'buffered'; createdAt: string; expiresAt: string } | { kind: 'waiting' }> {
    return this.transaction(async (client) => {
      await client.query(MESSAGE_LOCK_SQL, [message.name, message.correlationKey]);
      const waiting = await client.query(`SELECT 1 ${waitingSql(message.correlationKey)} LIMIT 1`, [message.name, message.correlationKey]);
      if ((waiting.rowCount ?? 0) > 0) return { kind: 'waiting' };
      const inserted = await client.query<Pick<BufferedMessageRow, 'created_at' | 'expires_at'>>(
        `INSERT INTO buffered_messages (id, name, correlation_key, variables, published_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, now(), now() + make_interval(secs => $6))
         RETURNING created_at, expires_at`,
        [message.id, message.name, message.correlationKey, JSON.stringify(message.variables), message.publishedBy, message.ttlSeconds],
      );
      const row = inserted.rows[0];
      if (!row) throw new Error('the buffered message was not stored');
      // Its clean-up, due at the expiry (database clock), committed with it.
      await this.jobs.add(
        [{ task: EXPIRE_BUFFERED_MESSAGE_TASK, payload: { messageId: message.id }, runAt: row.expires_at.toISOString(), key: `message-expiry:${message.id}` }],
        client,
      );
      return { kind: 'buffered', createdAt: row.created_at.toISOString(), expiresAt: row.expires_at.toISOString() };
    });
  }

  async bufferedMessage(id: string): Promise<BufferedMessage | undefined> {
    const result = await this.pool.query<Omit<BufferedMessageRow, 'published_by' | 'claimed_at'>>(
      'SELECT id, name, correlation_key, variables, created_at, expires_at, claimed_by_subscription, claimed_by_instance FROM buffered_messages WHERE id = $1',
      [id],
    );
    const row = result.rows[0];
    return row ? bufferedMessageOf(row) : undefined;
  }

  /**
   * Gives a claimed message back to the buffer when its subscription no longer exists (the
   * statement that closes a subscription releases its claim; this covers an instance ended
   * outside the interpreter).
   */
  async releaseIfSubscriptionGone(messageId: string, subscriptionId: string): Promise<void> {
    await this.pool.query(
      `UPDATE buffered_messages SET claimed_by_subscription = NULL, claimed_by_instance = NULL, claimed_at = NULL
        WHERE id = $1 AND claimed_by_subscription = $2 AND NOT EXISTS (SELECT 1 FROM message_subscriptions WHERE id = $2)`,
      [messageId, subscriptionId],
    );
  }

  /**
   * Offers a released message to the oldest subscription already waiting for it: under the
   * lock of its name and key, claims it for that subscription and adds the delivery job in the
   * same transaction. Nothing when it was claimed again, expired or nobody waits.
   */
  async claimForWaiting(messageId: string, deliveryJob: (message: { id: string; subscriptionId: string; instanceId: string }) => JobRequest): Promise<boolean> {
    const message = await this.bufferedMessage(messageId);
    if (!message || message.claimedBySubscription !== null) return false;
    return this.transaction(async (client) => {
      await client.query(MESSAGE_LOCK_SQL, [message.name, message.correlationKey]);
      const waiting = await client.query<Pick<MessageSubscriptionRow, 'id' | 'process_instance_id'>>(
        `SELECT s.id, s.process_instance_id ${waitingSql(message.correlationKey)} ORDER BY s.created_at, s.id LIMIT 1`,
        [message.name, message.correlationKey],
      );
      const subscription = waiting.rows[0];
      if (!subscription) return false;
      const claimed = await client.query(
        `UPDATE buffered_messages SET claimed_by_subscription = $2, claimed_by_instance = $3, claimed_at = now()
          WHERE id = $1 AND claimed_by_subscription IS NULL AND expires_at > now()`,
        [messageId, subscription.id, subscription.process_instance_id],
      );
      if ((claimed.rowCount ?? 0) === 0) return false;
      await this.jobs.add([deliveryJob({ id: messageId, subscriptionId: subscription.id, instanceId: subscription.process_instance_id })], client);
      return true;
    });
  }

  /** Deletes an expired message that no subscription claimed (a claimed one is being delivered). */
  async deleteIfExpired(messageId: string): Promise<void> {
    await this.pool.query('DELETE FROM buffered_messages WHERE id = $1 AND claimed_by_subscription IS NULL AND expires_at <= now()', [messageId]);
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
