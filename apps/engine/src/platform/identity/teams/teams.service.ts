// Teams and their members. A team's name is also the candidate group its members work; the
// membership itself is the user's `team_ids` (what the auth guard turns into the caller's
// groups at login). A team that a territory names cannot be deleted (409 naming the
// territories): the territory would silently lose its team.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Invalid, NotFound, Conflict } from '../../errors/domain-errors.js';

export interface TeamView {
  id: string;
  name: string;
  /** Usernames of the members, by name. */
  members: string[];
  createdAt: string;
}

export interface TeamMemberView {
  id: string;
  username: string;
  roles: string[];
  skills: string[];
}

interface TeamRecord {
  id: string;
  name: string;
  created_at: Date;
  members: string[] | null;
}

const TEAM_SELECT = `SELECT t.id, t.name, t.created_at,
  ARRAY(SELECT u.username FROM users u WHERE u.team_ids @> ARRAY[t.id] ORDER BY u.username COLLATE "C") AS members
  FROM teams t`;

@Injectable()
export class TeamsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(name: string): Promise<TeamView> {
    const id = randomUUID();
    const rows: unknown[] = await this.dataSource.query('INSERT INTO teams (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id', [id, name]);
    if (rows.length === 0) throw new Conflict(`a team named "${name}" already exists`, [{ path: 'name', name }]);
    return this.get(id);
  }

  async list(): Promise<TeamView[]> {
    const rows: TeamRecord[] = await this.dataSource.query(`${TEAM_SELECT} ORDER BY t.name`);
    return rows.map(toView);
  }

  async get(id: string): Promise<TeamView> {
    const rows: TeamRecord[] = await this.dataSource.query(`${TEAM_SELECT} WHERE t.id = $1`, [id]);
    if (!rows[0]) throw new NotFound(`team ${id} not found`);
    return toView(rows[0]);
  }

  /** Renames a team. Open tasks keep the candidate group they were created with. */
  async rename(id: string, name: string): Promise<TeamView> {
    try {
      const rows: unknown[] = await this.dataSource.query('WITH renamed AS (UPDATE teams SET name = $2 WHERE id = $1 RETURNING id) SELECT id FROM renamed', [
        id,
        name,
      ]);
      if (rows.length === 0) throw new NotFound(`team ${id} not found`);
    } catch (error) {
      if ((error as { code?: unknown }).code === '23505') throw new Conflict(`a team named "${name}" already exists`, [{ path: 'name', name }]);
      throw error;
    }
    return this.get(id);
  }

  /** Deletes a team no territory uses; its members stay users, without it. */
  async delete(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const team: { id: string }[] = await manager.query('SELECT id FROM teams WHERE id = $1 FOR UPDATE', [id]);
      if (team.length === 0) throw new NotFound(`team ${id} not found`);
      const territories: { key: string }[] = await manager.query('SELECT key FROM territories WHERE team_id = $1 ORDER BY key', [id]);
      if (territories.length > 0) {
        throw new Conflict(
          `team ${id} is the team of territor${territories.length === 1 ? 'y' : 'ies'} ${territories.map((t) => `"${t.key}"`).join(', ')}: change ${territories.length === 1 ? 'it' : 'them'} first`,
          territories.map((territory) => ({ territory: territory.key })),
        );
      }
      await manager.query('UPDATE users SET team_ids = array_remove(team_ids, $1::uuid) WHERE team_ids @> ARRAY[$1::uuid]', [id]);
      await manager.query('DELETE FROM teams WHERE id = $1', [id]);
    });
  }

  async members(id: string): Promise<TeamMemberView[]> {
    await this.get(id);
    const rows: TeamMemberView[] = await this.dataSource.query(
      'SELECT id, username, roles, skills FROM users WHERE team_ids @> ARRAY[$1::uuid] ORDER BY username COLLATE "C"',
      [id],
    );
    return rows;
  }

  /** Adds a user (by username) to the team; adding a member again changes nothing. */
  async addMember(id: string, username: string): Promise<TeamView> {
    await this.get(id);
    const users: unknown[] = await this.dataSource.query(
      `WITH target AS (SELECT id FROM users WHERE username = $2),
            added AS (UPDATE users SET team_ids = array_append(team_ids, $1::uuid) WHERE id IN (SELECT id FROM target) AND NOT team_ids @> ARRAY[$1::uuid] RETURNING id)
       SELECT id FROM target`,
      [id, username],
    );
    if (users.length === 0) throw Invalid.field('username', `"${username}" is not a user`);
    return this.get(id);
  }

  async removeMember(id: string, username: string): Promise<TeamView> {
    await this.get(id);
    const rows: unknown[] = await this.dataSource.query(
      'WITH removed AS (UPDATE users SET team_ids = array_remove(team_ids, $1::uuid) WHERE username = $2 AND team_ids @> ARRAY[$1::uuid] RETURNING id) SELECT id FROM removed',
      [id, username],
    );
    if (rows.length === 0) throw new NotFound(`"${username}" is not a member of team ${id}`);
    return this.get(id);
  }
}

function toView(row: TeamRecord): TeamView {
  return { id: row.id, name: row.name, members: row.members ?? [], createdAt: row.created_at.toISOString() };
}
