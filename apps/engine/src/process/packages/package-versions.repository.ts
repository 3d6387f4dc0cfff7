// All SQL of `package_versions`: the deployed versions of each package, with their archives.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { PackageVersionRow } from './package.row.js';

const COLUMNS = 'package_name, version, manifest, content_hash, deployment_id, deployed, deployed_by, deployed_at';

@Injectable()
export class PackageVersionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every version of a package, oldest deployed first. */
  async of(packageName: string, db: Queryable = this.dataSource): Promise<PackageVersionRow[]> {
    return rowsOf<PackageVersionRow>(
      await db.query(`SELECT ${COLUMNS} FROM package_versions WHERE package_name = $1 ORDER BY deployed_at, version`, [packageName]),
    );
  }

  async get(packageName: string, version: string, db: Queryable = this.dataSource): Promise<PackageVersionRow | undefined> {
    return rowsOf<PackageVersionRow>(
      await db.query(`SELECT ${COLUMNS} FROM package_versions WHERE package_name = $1 AND version = $2`, [packageName, version]),
    )[0];
  }

  async archive(packageName: string, version: string, db: Queryable = this.dataSource): Promise<Buffer | undefined> {
    return rowsOf<{ archive: Buffer }>(
      await db.query('SELECT archive FROM package_versions WHERE package_name = $1 AND version = $2', [packageName, version]),
    )[0]?.archive;
  }

  async insert(row: Omit<PackageVersionRow, 'deployed_at'> & { archive: Uint8Array }, tx: Queryable): Promise<Date> {
    const inserted = rowsOf<{ deployed_at: Date }>(
      await tx.query(
        `INSERT INTO package_versions (package_name, version, manifest, archive, content_hash, deployment_id, deployed, deployed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING deployed_at`,
        [
          row.package_name,
          row.version,
          JSON.stringify(row.manifest),
          Buffer.from(row.archive),
          row.content_hash,
          row.deployment_id,
          JSON.stringify(row.deployed),
          row.deployed_by,
        ],
      ),
    );
    return inserted[0]!.deployed_at;
  }
}
