// `territories`, with its team's name; each method on the data source or the caller's transaction.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { Queryable } from '../../platform/database/queryable.js';
import type { TerritoryRow } from './territory.row.js';

const SELECT = `SELECT t.key, t.name, t.team_id, tm.name AS team, t.default_owner, t.actions, t.created_at, t.updated_at
  FROM territories t LEFT JOIN teams tm ON tm.id = t.team_id`;

export interface NewTerritoryRow {
  key: string;
  name: string;
  teamId: string | null;
  defaultOwner: string | null;
  actions: string[];
}

/** A change: each column keeps its value unless the change names it (`teamId`/`defaultOwner` undefined: unchanged; null: cleared). */
export interface TerritoryChange {
  name?: string;
  teamId?: string | null;
  defaultOwner?: string | null;
  actions?: string[];
}

@Injectable()
export class TerritoriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<TerritoryRow[]> {
    return rowsOf<TerritoryRow>(await this.dataSource.query(`${SELECT} ORDER BY t.key COLLATE "C"`));
  }

  /** The territory of `key`, on `db` (assignment reads it in the command's transaction). */
  async record(key: string, db: Queryable = this.dataSource): Promise<TerritoryRow | undefined> {
    return rowsOf<TerritoryRow>(await db.query(`${SELECT} WHERE t.key = $1`, [key]))[0];
  }

  /** Inserts unless the key exists; false when it did. */
  async insert(territory: NewTerritoryRow, tx: Queryable): Promise<boolean> {
    const rows = rowsOf(
      await tx.query(
        `INSERT INTO territories (key, name, team_id, default_owner, actions) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        [territory.key, territory.name, territory.teamId, territory.defaultOwner, territory.actions],
      ),
    );
    return rows.length > 0;
  }

  /** Locks the territory's row until `tx` ends; false when there is none. */
  async lock(key: string, tx: Queryable): Promise<boolean> {
    return rowsOf(await tx.query('SELECT key FROM territories WHERE key = $1 FOR UPDATE', [key])).length > 0;
  }

  async update(key: string, change: TerritoryChange, tx: Queryable): Promise<void> {
    // Each column keeps its value unless the change names it ($n::bool says whether it does).
    await tx.query(
      `UPDATE territories SET
         name = COALESCE($2, name),
         team_id = CASE WHEN $3::bool THEN $4::uuid ELSE team_id END,
         default_owner = CASE WHEN $5::bool THEN $6::text ELSE default_owner END,
         actions = COALESCE($7::text[], actions),
         updated_at = now()
       WHERE key = $1`,
      [
        key,
        change.name ?? null,
        change.teamId !== undefined,
        change.teamId ?? null,
        change.defaultOwner !== undefined,
        change.defaultOwner ?? null,
        change.actions ?? null,
      ],
    );
  }

  /** False when there was none. */
  async delete(key: string): Promise<boolean> {
    const rows = rowsOf(await this.dataSource.query('WITH gone AS (DELETE FROM territories WHERE key = $1 RETURNING key) SELECT key FROM gone', [key]));
    return rows.length > 0;
  }
}
