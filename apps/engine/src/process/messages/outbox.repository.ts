// Reads the outbox: messages thrown by instances (message end/throw events, send tasks), written
// in the statement of the command that threw them. Integrations poll it; nothing delivers it
// (e-mail and webhook actions have outboxes of their own, which the engine delivers:
// src/email, src/webhooks, docs/outbound.md).
import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { Page, Paging } from '../../platform/http/input.js';
import { outboxEntryOf, type OutboxEntry, type OutboxRow } from './outbox.row.js';

export type { OutboxEntry } from './outbox.row.js';

export interface OutboxFilter {
  processInstanceId?: string;
  name?: string;
}

@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('the PostgreSQL pool is not open');
    return pool;
  }

  /** Oldest first, so a reader can page forward through what happened. */
  async list(filter: OutboxFilter, paging: Paging): Promise<Page<OutboxEntry>> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.processInstanceId !== undefined) {
      values.push(filter.processInstanceId);
      where.push(`process_instance_id = $${values.length}::uuid`);
    }
    if (filter.name !== undefined) {
      values.push(filter.name);
      where.push(`name = $${values.length}`);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = await this.pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM outbox ${clause}`, values);
    const rows = await this.pool.query<OutboxRow>(
      `SELECT id, process_instance_id, element_id, kind, name, correlation_key, payload, created_at FROM outbox ${clause}
        ORDER BY created_at, id OFFSET $${values.length + 1} LIMIT $${values.length + 2}`,
      [...values, paging.offset, paging.limit],
    );
    return {
      items: rows.rows.map(outboxEntryOf),
      total: total.rows[0]?.total ?? 0,
      offset: paging.offset,
      limit: paging.limit,
    };
  }
}
