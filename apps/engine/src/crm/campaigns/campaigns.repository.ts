// All SQL of `crm_campaigns`.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import { SqlParams } from '../../platform/database/sql-params.js';
import type { Paging } from '../../platform/http/input.js';
import type { CampaignRow } from './campaigns.row.js';

// Of the campaign aliased `c`, with the count of the leads naming it (crm_leads_campaign_idx).
const COLUMNS = `c.id, c.name, c.channel, c.description, c.budget::float8 AS budget, c.currency,
  to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on, c.created_at, c.updated_at,
  (SELECT count(*)::int FROM crm_leads l WHERE l.campaign_id = c.id) AS lead_count`;

/** A campaign leads still name (their foreign key, ON DELETE RESTRICT, refuses the delete: 23001 since PostgreSQL 15, 23503 before). */
export function hasLeads(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23001' || code === '23503';
}

export type CampaignContent = Pick<CampaignRow, 'name' | 'channel' | 'description' | 'budget' | 'currency' | 'starts_on' | 'ends_on'>;

const CASTS: Record<keyof CampaignContent, string> = {
  name: 'text',
  channel: 'text',
  description: 'text',
  budget: 'numeric',
  currency: 'text',
  starts_on: 'date',
  ends_on: 'date',
};

@Injectable()
export class CampaignsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(id: string, content: CampaignContent, db: Queryable = this.dataSource): Promise<CampaignRow> {
    return rowsOf<CampaignRow>(
      await db.query(
        `WITH c AS (INSERT INTO crm_campaigns (id, name, channel, description, budget, currency, starts_on, ends_on)
                    VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::date) RETURNING *)
         SELECT ${COLUMNS} FROM c`,
        [id, content.name, content.channel, content.description, content.budget, content.currency, content.starts_on, content.ends_on],
      ),
    )[0]!;
  }

  async find(id: string, db: Queryable = this.dataSource): Promise<CampaignRow | undefined> {
    return rowsOf<CampaignRow>(await db.query(`SELECT ${COLUMNS} FROM crm_campaigns c WHERE c.id = $1`, [id]))[0];
  }

  /** Campaigns, the latest start first; `channel`, `q` (name contains) and `runningOn` (a date inside its run) narrow it. */
  async list(
    filter: { channel?: string; q?: string; runningOn?: string },
    paging: Paging,
    db: Queryable = this.dataSource,
  ): Promise<{ rows: CampaignRow[]; total: number }> {
    const sql = new SqlParams();
    const conditions = ['true'];
    if (filter.channel !== undefined) conditions.push(`channel = ${sql.add(filter.channel)}`);
    if (filter.q !== undefined) conditions.push(`name ILIKE ${sql.add(`%${filter.q.replace(/[\\%_]/g, (match) => `\\${match}`)}%`)}`);
    if (filter.runningOn !== undefined) {
      const day = sql.add(filter.runningOn);
      conditions.push(`(starts_on IS NULL OR starts_on <= ${day}::date) AND (ends_on IS NULL OR ends_on >= ${day}::date)`);
    }
    const rows = rowsOf<CampaignRow & { total: string }>(
      await db.query(
        `SELECT ${COLUMNS}, count(*) OVER () AS total FROM crm_campaigns c WHERE ${conditions.join(' AND ')}
          ORDER BY c.starts_on DESC NULLS LAST, c.id OFFSET ${sql.add(paging.offset)} LIMIT ${sql.add(paging.limit)}`,
        sql.values,
      ),
    );
    return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0] ? Number(rows[0].total) : 0 };
  }

  /** Writes the changed columns; undefined when there is no such campaign. */
  async update(id: string, change: Partial<CampaignContent>, db: Queryable = this.dataSource): Promise<CampaignRow | undefined> {
    const sql = new SqlParams();
    const sets = Object.entries(change)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key} = ${sql.add(value)}::${CASTS[key as keyof CampaignContent]}`);
    sets.push('updated_at = now()');
    return rowsOf<CampaignRow>(
      await db.query(`WITH c AS (UPDATE crm_campaigns SET ${sets.join(', ')} WHERE id = ${sql.add(id)} RETURNING *) SELECT ${COLUMNS} FROM c`, sql.values),
    )[0];
  }

  async delete(id: string, db: Queryable = this.dataSource): Promise<boolean> {
    return rowsOf<{ id: string }>(await db.query('WITH c AS (DELETE FROM crm_campaigns WHERE id = $1 RETURNING id) SELECT id FROM c', [id])).length > 0;
  }
}
