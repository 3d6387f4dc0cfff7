// One page of an outbox table (e-mails, webhook deliveries), newest first, filtered by status and
// instance: the list both outboxes answer, so it is written once (like insert-once.ts).
import type { Pool } from 'pg';
import type { Page, Paging } from '../http/input.js';
import { SqlParams } from '../database/sql-params.js';

export async function outboxPage<Row, View>(
  pool: Pool,
  table: 'email_outbox' | 'webhook_deliveries',
  filter: { status?: string; processInstanceId?: string },
  paging: Paging,
  toView: (row: Row) => View,
): Promise<Page<View>> {
  const sql = new SqlParams();
  const where: string[] = [];
  if (filter.status !== undefined) where.push(`status = ${sql.add(filter.status)}`);
  if (filter.processInstanceId !== undefined) where.push(`process_instance_id = ${sql.add(filter.processInstanceId)}::uuid`);
  const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = await pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${table} ${condition}`, sql.values);
  const rows = await pool.query(
    `SELECT * FROM ${table} ${condition} ORDER BY created_at DESC, id LIMIT ${sql.add(paging.limit)} OFFSET ${sql.add(paging.offset)}`,
    sql.values,
  );
  return { items: (rows.rows as Row[]).map(toView), total: total.rows[0]?.total ?? 0, offset: paging.offset, limit: paging.limit };
}
