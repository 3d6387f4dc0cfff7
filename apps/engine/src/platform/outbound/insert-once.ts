// The write both outboxes' repositories share: insert a row unless its idempotency key is taken, and add its
// delivery job only when the row was inserted — ONE statement (CTEs), so the row and its job
// are atomic with each other on any connection, and with the caller's writes when the
// connection is inside the caller's transaction.
import { rowsOf } from '../database/query-rows.js';
import { SqlParams } from '../database/sql-params.js';
import type { JobRequest } from '../jobs/job-request.js';
import { addJobsSelect } from '../jobs/job-sql.js';
import type { Queryable } from '../database/queryable.js';

export interface Enqueued {
  id: string;
  /** False when the idempotency key was already queued: nothing was written (the first request wins). */
  created: boolean;
}

/** The outbox tables; each has `id uuid`, a unique `idempotency_key`, `process_instance_id uuid`. */
export type OutboxTable = 'email_outbox' | 'webhook_deliveries';

/** Columns whose text parameters need a cast. */
const CASTS: Readonly<Record<string, string>> = { id: '::uuid', process_instance_id: '::uuid', attachment_ids: '::uuid[]' };

export async function insertOnce(
  tx: Queryable,
  table: OutboxTable,
  row: { id: string; idempotency_key: string; process_instance_id: string | null } & Record<string, string | readonly string[] | null>,
  job: JobRequest,
): Promise<Enqueued> {
  const sql = new SqlParams();
  const columns = Object.keys(row);
  const values = columns.map((column) => `${sql.add(row[column])}${CASTS[column] ?? ''}`);
  const text = `WITH inserted AS (
      INSERT INTO ${table} (${columns.join(', ')}, created_at) VALUES (${values.join(', ')}, now())
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id),
    jobs AS (${addJobsSelect(sql, [job], 'EXISTS (SELECT 1 FROM inserted)')})
    SELECT (SELECT id::text FROM inserted) AS inserted_id, (SELECT count(*)::int FROM jobs) AS jobs`;
  const [written] = rowsOf<{ inserted_id: string | null }>(await tx.query(text, sql.values));
  if (written?.inserted_id) return { id: written.inserted_id, created: true };
  // The key was taken: by a committed row, or by one that committed while this statement waited for it.
  const [existing] = rowsOf<{ id: string }>(await tx.query(`SELECT id::text AS id FROM ${table} WHERE idempotency_key = $1`, [row.idempotency_key]));
  if (!existing) throw new Error(`${table}: the idempotency key ${row.idempotency_key} is taken by a row this transaction cannot see`);
  return { id: existing.id, created: false };
}
