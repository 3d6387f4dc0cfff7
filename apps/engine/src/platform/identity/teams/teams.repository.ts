// All SQL of the `teams` table. A team's members are the users whose `team_ids` hold it: the
// team reads list them in the same statement (users are this module's table too); the
// membership itself is written by UsersRepository. Each method runs on the data source, or on
// the caller's transaction when one is passed last.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../database/queryable.js';
import { rowsOf } from '../../database/query-rows.js';
import type { TeamRow, TeamWithMembersRow } from './teams.row.js';

const WITH_MEMBERS = `SELECT t.id, t.name, t.created_at,
  ARRAY(SELECT u.username FROM users u WHERE u.team_ids @> ARRAY[t.id] ORDER BY u.username COLLATE "C") AS members
  FROM teams t`;

/** What a rename did. */
export type TeamRenamed = 'renamed' | 'missing' | 'name-taken';

@Injectable()
export class TeamsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the team unless its name is taken (then nothing is written: false). */
  async insertIgnoringDuplicate(id: string, name: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(await db.query('INSERT INTO teams (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id', [id, name]));
    return rows.length > 0;
  }

  /** Every team with its members, by name. */
  async listWithMembers(db: Queryable = this.dataSource): Promise<TeamWithMembersRow[]> {
    return rowsOf<TeamWithMembersRow>(await db.query(`${WITH_MEMBERS} ORDER BY t.name`));
  }

  async findWithMembers(id: string, db: Queryable = this.dataSource): Promise<TeamWithMembersRow | undefined> {
    return rowsOf<TeamWithMembersRow>(await db.query(`${WITH_MEMBERS} WHERE t.id = $1`, [id]))[0];
  }

  /** Every team, in no particular order. */
  async list(db: Queryable = this.dataSource): Promise<TeamRow[]> {
    return rowsOf<TeamRow>(await db.query('SELECT id, name, created_at FROM teams'));
  }

  /** The teams with these ids (those that exist), in no particular order. */
  async findByIds(ids: readonly string[], db: Queryable = this.dataSource): Promise<TeamRow[]> {
    return rowsOf<TeamRow>(await db.query('SELECT id, name, created_at FROM teams WHERE id = ANY($1::uuid[])', [ids]));
  }

  /** The id of the team named `name` (the candidate group), if there is one. */
  async findIdByName(name: string, db: Queryable = this.dataSource): Promise<string | undefined> {
    return rowsOf<{ id: string }>(await db.query('SELECT id FROM teams WHERE name = $1', [name]))[0]?.id;
  }

  async rename(id: string, name: string, db: Queryable = this.dataSource): Promise<TeamRenamed> {
    try {
      const rows = rowsOf<{ id: string }>(
        await db.query('WITH renamed AS (UPDATE teams SET name = $2 WHERE id = $1 RETURNING id) SELECT id FROM renamed', [id, name]),
      );
      return rows.length > 0 ? 'renamed' : 'missing';
    } catch (error) {
      if ((error as { code?: unknown }).code === '23505') return 'name-taken';
      throw error;
    }
  }

  /** Locks the team's row until the transaction `tx` ends; false when there is no such team. */
  async lock(id: string, tx: Queryable): Promise<boolean> {
    return rowsOf<{ id: string }>(await tx.query('SELECT id FROM teams WHERE id = $1 FOR UPDATE', [id])).length > 0;
  }

  /**
   * The keys of the territories whose team this is, by key. The one read of a table this module
   * does not own (process/territories' `territories`): platform/ cannot ask process/, and the
   * check must see the territories in the deleting transaction. A registry that process/ fills
   * (as for job handlers) would remove it.
   */
  async territoryKeysOf(id: string, db: Queryable = this.dataSource): Promise<string[]> {
    return rowsOf<{ key: string }>(await db.query('SELECT key FROM territories WHERE team_id = $1 ORDER BY key', [id])).map((row) => row.key);
  }

  async delete(id: string, db: Queryable = this.dataSource): Promise<void> {
    await db.query('WITH deleted AS (DELETE FROM teams WHERE id = $1 RETURNING id) SELECT count(*) FROM deleted', [id]);
  }
}
