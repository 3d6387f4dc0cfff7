// All SQL of `crm_opportunity_products` (the service finds the opportunity visible first).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { OpportunityProductRow } from './opportunity-products.row.js';

const COLUMNS = `l.id, l.opportunity_id, l.product_id, l.quantity::float8 AS quantity, l.unit_price::float8 AS unit_price, l.currency, l.created_at,
  p.name AS product_name, p.code AS product_code`;

@Injectable()
export class OpportunityProductsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    line: Pick<OpportunityProductRow, 'id' | 'opportunity_id' | 'product_id' | 'quantity' | 'unit_price' | 'currency'>,
    db: Queryable = this.dataSource,
  ): Promise<OpportunityProductRow> {
    return rowsOf<OpportunityProductRow>(
      await db.query(
        `WITH l AS (INSERT INTO crm_opportunity_products (id, opportunity_id, product_id, quantity, unit_price, currency)
                    VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)
         SELECT ${COLUMNS} FROM l JOIN crm_products p ON p.id = l.product_id`,
        [line.id, line.opportunity_id, line.product_id, line.quantity, line.unit_price, line.currency],
      ),
    )[0]!;
  }

  async ofOpportunity(opportunityId: string, db: Queryable = this.dataSource): Promise<OpportunityProductRow[]> {
    return rowsOf<OpportunityProductRow>(
      await db.query(
        `SELECT ${COLUMNS} FROM crm_opportunity_products l JOIN crm_products p ON p.id = l.product_id
          WHERE l.opportunity_id = $1 ORDER BY l.created_at, l.id`,
        [opportunityId],
      ),
    );
  }

  async find(opportunityId: string, id: string, db: Queryable = this.dataSource): Promise<OpportunityProductRow | undefined> {
    return rowsOf<OpportunityProductRow>(
      await db.query(`SELECT ${COLUMNS} FROM crm_opportunity_products l JOIN crm_products p ON p.id = l.product_id WHERE l.opportunity_id = $1 AND l.id = $2`, [
        opportunityId,
        id,
      ]),
    )[0];
  }

  /** Changes a line's quantity and/or unit price; undefined when the opportunity has no such line. */
  async update(
    opportunityId: string,
    id: string,
    change: { quantity?: number; unit_price?: number },
    db: Queryable = this.dataSource,
  ): Promise<OpportunityProductRow | undefined> {
    return rowsOf<OpportunityProductRow>(
      await db.query(
        `WITH l AS (UPDATE crm_opportunity_products SET quantity = COALESCE($3, quantity), unit_price = COALESCE($4, unit_price)
                     WHERE opportunity_id = $1 AND id = $2 RETURNING *)
         SELECT ${COLUMNS} FROM l JOIN crm_products p ON p.id = l.product_id`,
        [opportunityId, id, change.quantity ?? null, change.unit_price ?? null],
      ),
    )[0];
  }

  /** Removes a line; the removed line (for the history), or undefined. */
  async delete(opportunityId: string, id: string, db: Queryable = this.dataSource): Promise<OpportunityProductRow | undefined> {
    const line = await this.find(opportunityId, id, db);
    if (line) await db.query('DELETE FROM crm_opportunity_products WHERE opportunity_id = $1 AND id = $2', [opportunityId, id]);
    return line;
  }
}
