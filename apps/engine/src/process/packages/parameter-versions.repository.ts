// All SQL of `package_parameter_versions`: each change of a package's parameters, kept for good.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { ParameterVersionRow } from './package.row.js';

const COLUMNS = 'package_name, version, package_version, "values", live, reason, old, new, changed_by, comment, changed_at';

@Injectable()
export class ParameterVersionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(packageName: string, version: number, db: Queryable = this.dataSource): Promise<ParameterVersionRow | undefined> {
    return rowsOf<ParameterVersionRow>(
      await db.query(`SELECT ${COLUMNS} FROM package_parameter_versions WHERE package_name = $1 AND version = $2`, [packageName, version]),
    )[0];
  }

  /** Newest first, `limit` from `offset`, with how many there are. */
  async history(
    packageName: string,
    paging: { offset: number; limit: number },
    db: Queryable = this.dataSource,
  ): Promise<{ rows: ParameterVersionRow[]; total: number }> {
    const rows = rowsOf<ParameterVersionRow & { total: string }>(
      await db.query(
        `SELECT ${COLUMNS}, count(*) OVER () AS total FROM package_parameter_versions WHERE package_name = $1 ORDER BY version DESC LIMIT $2 OFFSET $3`,
        [packageName, paging.limit, paging.offset],
      ),
    );
    return { rows: rows.map(({ total: _total, ...row }) => row), total: Number(rows[0]?.total ?? 0) };
  }

  async insert(row: Omit<ParameterVersionRow, 'changed_at'>, tx: Queryable): Promise<void> {
    await tx.query(
      `INSERT INTO package_parameter_versions (package_name, version, package_version, "values", live, reason, old, new, changed_by, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        row.package_name,
        row.version,
        row.package_version,
        JSON.stringify(row.values),
        row.live,
        row.reason,
        JSON.stringify(row.old),
        JSON.stringify(row.new),
        row.changed_by,
        row.comment,
      ],
    );
  }
}
