// One page of a table of versioned deployment resources (rule sets, action templates, contact
// plans): by key, newest version first, optionally one key or only each key's latest version,
// with the number of all that match. Each table's repository calls it with its own columns.
import { rowsOf } from '../../platform/database/query-rows.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { SqlParams } from '../../platform/database/sql-params.js';
import type { Paging } from '../../platform/http/input.js';

export type VersionedTable = 'rule_sets' | 'action_templates' | 'contact_plans';

export interface VersionFilter {
  key?: string;
  latest: boolean;
}

export async function versionPage<Row>(
  db: Queryable,
  table: VersionedTable,
  columns: string,
  filter: VersionFilter,
  paging: Paging,
): Promise<{ rows: Row[]; total: number }> {
  const sql = new SqlParams();
  const where: string[] = [];
  if (filter.key !== undefined) where.push(`v.key = ${sql.add(filter.key)}`);
  if (filter.latest) where.push(`v.version = (SELECT max(l.version) FROM ${table} l WHERE l.key = v.key)`);
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const filterValues = [...sql.values];
  const rows = rowsOf<Row & { total: string }>(
    await db.query(
      `SELECT ${columns}, count(*) OVER () AS total FROM ${table} v ${clause}
       ORDER BY v.key, v.version DESC OFFSET ${sql.add(paging.offset)} LIMIT ${sql.add(paging.limit)}`,
      sql.values,
    ),
  );
  // Past the last page the window count is gone with the rows: count apart.
  const total = rows[0]
    ? Number(rows[0].total)
    : Number(rowsOf<{ count: string }>(await db.query(`SELECT count(*) FROM ${table} v ${clause}`, filterValues))[0]?.count ?? 0);
  return { rows: rows.map(({ total: _total, ...row }) => row as Row), total };
}
