// All SQL of `crm_products`.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import { SqlParams } from '../../platform/database/sql-params.js';
import type { Paging } from '../../platform/http/input.js';
import type { ProductRow } from './products.row.js';

const COLUMNS = 'id, name, code, description, unit_price::float8 AS unit_price, currency, active, created_at, updated_at';

export type ProductContent = Pick<ProductRow, 'name' | 'code' | 'description' | 'unit_price' | 'currency' | 'active'>;

const COLUMN_OF: Record<keyof ProductContent, string> = {
  name: 'name',
  code: 'code',
  description: 'description',
  unit_price: 'unit_price',
  currency: 'currency',
  active: 'active',
};

/** A code another product has (unique violation), as the caller's field. */
export function isDuplicateCode(error: unknown): boolean {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === 'crm_products_code_key';
}

/** A product still on an opportunity (the line's foreign key, ON DELETE RESTRICT, refuses the delete: 23001 since PostgreSQL 15, 23503 before). */
export function isInUse(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23001' || code === '23503';
}

@Injectable()
export class ProductsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(id: string, content: ProductContent, db: Queryable = this.dataSource): Promise<ProductRow> {
    return rowsOf<ProductRow>(
      await db.query(
        `WITH p AS (INSERT INTO crm_products (id, name, code, description, unit_price, currency, active) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *)
         SELECT ${COLUMNS} FROM p`,
        [id, content.name, content.code, content.description, content.unit_price, content.currency, content.active],
      ),
    )[0]!;
  }

  async find(id: string, db: Queryable = this.dataSource): Promise<ProductRow | undefined> {
    return rowsOf<ProductRow>(await db.query(`SELECT ${COLUMNS} FROM crm_products WHERE id = $1`, [id]))[0];
  }

  /** Products by name, with the count of all that match; `active` and `q` (name or code contains) narrow it. */
  async list(filter: { active?: boolean; q?: string }, paging: Paging, db: Queryable = this.dataSource): Promise<{ rows: ProductRow[]; total: number }> {
    const sql = new SqlParams();
    const conditions = ['true'];
    if (filter.active !== undefined) conditions.push(`active = ${sql.add(filter.active)}`);
    if (filter.q !== undefined) {
      const like = sql.add(`%${filter.q.replace(/[\\%_]/g, (match) => `\\${match}`)}%`);
      conditions.push(`(name ILIKE ${like} OR code ILIKE ${like})`);
    }
    const rows = rowsOf<ProductRow & { total: string }>(
      await db.query(
        `SELECT ${COLUMNS}, count(*) OVER () AS total FROM crm_products WHERE ${conditions.join(' AND ')}
          ORDER BY lower(name), id OFFSET ${sql.add(paging.offset)} LIMIT ${sql.add(paging.limit)}`,
        sql.values,
      ),
    );
    return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0] ? Number(rows[0].total) : 0 };
  }

  /** Writes the changed columns; undefined when there is no such product. */
  async update(id: string, change: Partial<ProductContent>, db: Queryable = this.dataSource): Promise<ProductRow | undefined> {
    const sql = new SqlParams();
    const sets = Object.entries(change)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${COLUMN_OF[key as keyof ProductContent]} = ${sql.add(value)}`);
    sets.push('updated_at = now()');
    return rowsOf<ProductRow>(
      await db.query(`WITH p AS (UPDATE crm_products SET ${sets.join(', ')} WHERE id = ${sql.add(id)} RETURNING *) SELECT ${COLUMNS} FROM p`, sql.values),
    )[0];
  }

  /** Deletes the product; false when there was none. */
  async delete(id: string, db: Queryable = this.dataSource): Promise<boolean> {
    return rowsOf<{ id: string }>(await db.query('WITH p AS (DELETE FROM crm_products WHERE id = $1 RETURNING id) SELECT id FROM p', [id])).length > 0;
  }
}
