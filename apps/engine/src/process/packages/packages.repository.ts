// All SQL of `packages`: a package's active version and its current parameter version.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { PackageRow } from './package.row.js';

const COLUMNS = 'name, active_version, parameter_version, created_at, updated_by, updated_at';

@Injectable()
export class PackagesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(db: Queryable = this.dataSource): Promise<PackageRow[]> {
    return rowsOf<PackageRow>(await db.query(`SELECT ${COLUMNS} FROM packages ORDER BY name`));
  }

  /** `forUpdate`: locks the row for the caller's transaction (a parameter change, a rollback). */
  async byName(name: string, db: Queryable = this.dataSource, forUpdate = false): Promise<PackageRow | undefined> {
    return rowsOf<PackageRow>(await db.query(`SELECT ${COLUMNS} FROM packages WHERE name = $1${forUpdate ? ' FOR UPDATE' : ''}`, [name]))[0];
  }

  /** The package's current parameter version; undefined for an unknown package. */
  async currentParameterVersion(name: string, db: Queryable = this.dataSource): Promise<number | undefined> {
    return rowsOf<{ parameter_version: number }>(await db.query('SELECT parameter_version FROM packages WHERE name = $1', [name]))[0]?.parameter_version;
  }

  async insert(row: Pick<PackageRow, 'name' | 'active_version' | 'parameter_version' | 'updated_by'>, tx: Queryable): Promise<void> {
    await tx.query('INSERT INTO packages (name, active_version, parameter_version, updated_by) VALUES ($1, $2, $3, $4)', [
      row.name,
      row.active_version,
      row.parameter_version,
      row.updated_by,
    ]);
  }

  /** Makes `version` the active one (a deploy, a rollback). */
  async activate(name: string, version: string, by: string | null, tx: Queryable): Promise<void> {
    await tx.query('UPDATE packages SET active_version = $2, updated_by = $3, updated_at = now() WHERE name = $1', [name, version, by]);
  }

  async setParameterVersion(name: string, parameterVersion: number, tx: Queryable): Promise<void> {
    await tx.query('UPDATE packages SET parameter_version = $2 WHERE name = $1', [name, parameterVersion]);
  }
}
