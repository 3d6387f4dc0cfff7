// All SQL of `crm_catalog_values` (and the count of the records that use a value).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { CatalogValueRow } from './catalog-values.row.js';

const COLUMNS = 'catalog, key, label, position, retired';

@Injectable()
export class CatalogValuesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async catalogs(db: Queryable = this.dataSource): Promise<{ catalog: string; values: number }[]> {
    return rowsOf<{ catalog: string; values: number }>(
      await db.query('SELECT catalog, count(*)::int AS values FROM crm_catalog_values GROUP BY catalog ORDER BY catalog'),
    );
  }

  async values(catalog: string, db: Queryable = this.dataSource): Promise<CatalogValueRow[]> {
    return rowsOf<CatalogValueRow>(await db.query(`SELECT ${COLUMNS} FROM crm_catalog_values WHERE catalog = $1 ORDER BY position, key`, [catalog]));
  }

  async find(catalog: string, key: string, db: Queryable = this.dataSource): Promise<CatalogValueRow | undefined> {
    return rowsOf<CatalogValueRow>(await db.query(`SELECT ${COLUMNS} FROM crm_catalog_values WHERE catalog = $1 AND key = $2`, [catalog, key]))[0];
  }

  /** Inserts unless the key exists (then undefined). */
  async insert(row: CatalogValueRow, db: Queryable = this.dataSource): Promise<CatalogValueRow | undefined> {
    return rowsOf<CatalogValueRow>(
      await db.query(`INSERT INTO crm_catalog_values (${COLUMNS}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (catalog, key) DO NOTHING RETURNING ${COLUMNS}`, [
        row.catalog,
        row.key,
        row.label,
        row.position,
        row.retired,
      ]),
    )[0];
  }

  async update(
    catalog: string,
    key: string,
    change: Partial<Pick<CatalogValueRow, 'label' | 'position' | 'retired'>>,
    db: Queryable = this.dataSource,
  ): Promise<CatalogValueRow | undefined> {
    return rowsOf<CatalogValueRow>(
      await db.query(
        `WITH changed AS (
           UPDATE crm_catalog_values SET label = COALESCE($3, label), position = COALESCE($4, position), retired = COALESCE($5, retired)
            WHERE catalog = $1 AND key = $2 RETURNING ${COLUMNS})
         SELECT * FROM changed`,
        [catalog, key, change.label ?? null, change.position ?? null, change.retired ?? null],
      ),
    )[0];
  }

  /** How many records hold `key` in one of `columns` (the record columns of its catalog). */
  async uses(key: string, columns: readonly { table: string; column: string }[], db: Queryable = this.dataSource): Promise<number> {
    if (columns.length === 0) return 0;
    const counts = columns.map(({ table, column }) => `(SELECT count(*) FROM ${table} WHERE ${column} = $1)`);
    return Number(rowsOf<{ uses: string }>(await db.query(`SELECT ${counts.join(' + ')} AS uses`, [key]))[0]?.uses ?? 0);
  }

  async delete(catalog: string, key: string, db: Queryable = this.dataSource): Promise<void> {
    await db.query('DELETE FROM crm_catalog_values WHERE catalog = $1 AND key = $2', [catalog, key]);
  }
}
