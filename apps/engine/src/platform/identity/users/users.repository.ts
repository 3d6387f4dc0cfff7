// All SQL of the `users` table, team membership (`team_ids`) included. Each method runs on the
// data source, or on the caller's transaction when one is passed last.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../database/queryable.js';
import { escapeLike } from '../../database/like-pattern.js';
import { rowsOf } from '../../database/query-rows.js';
import { IDENTITY_CHANNEL } from '../identity-changes.js';
import type { UserAuthState, UserRow } from './users.row.js';

const COLUMNS = 'id, username, password_hash, roles, team_ids, skills, active, token_epoch, created_at';

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async hasAny(db: Queryable = this.dataSource): Promise<boolean> {
    return rowsOf<{ any: boolean }>(await db.query('SELECT EXISTS (SELECT 1 FROM users) AS any'))[0]?.any === true;
  }

  /**
   * Inserts the user unless the username is taken, compared case-insensitively (then nothing is
   * written and the answer is undefined). The new user is active, at token epoch 0.
   */
  async insertIgnoringDuplicate(user: Omit<UserRow, 'created_at' | 'active' | 'token_epoch'>, db: Queryable = this.dataSource): Promise<UserRow | undefined> {
    const rows = rowsOf<UserRow>(
      await db.query(
        `INSERT INTO users (id, username, password_hash, roles, team_ids, skills) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
        [user.id, user.username, user.password_hash, user.roles, user.team_ids, user.skills],
      ),
    );
    return rows[0];
  }

  /** Every user, by username. */
  async list(db: Queryable = this.dataSource): Promise<UserRow[]> {
    return rowsOf<UserRow>(await db.query(`SELECT ${COLUMNS} FROM users ORDER BY username`));
  }

  async findById(id: string, db: Queryable = this.dataSource): Promise<UserRow | undefined> {
    return rowsOf<UserRow>(await db.query(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]))[0];
  }

  async findByUsername(username: string, db: Queryable = this.dataSource): Promise<UserRow | undefined> {
    return rowsOf<UserRow>(await db.query(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]))[0];
  }

  /** The user signing in as `username`: names compare case-insensitively (`users_username_lower_key`). */
  async findForSignIn(username: string, db: Queryable = this.dataSource): Promise<UserRow | undefined> {
    return rowsOf<UserRow>(await db.query(`SELECT ${COLUMNS} FROM users WHERE lower(username) = lower($1)`, [username]))[0];
  }

  /** Whether the user may use their tokens, and which token epoch is current; undefined when there is no such user. */
  async findAuthState(id: string, db: Queryable = this.dataSource): Promise<UserAuthState | undefined> {
    return rowsOf<UserAuthState>(await db.query('SELECT active, token_epoch, username FROM users WHERE id = $1', [id]))[0];
  }

  /**
   * Stores a new password hash and raises the token epoch (every access token issued before stops
   * working); every node is told (NOTIFY at commit). Undefined when there is no such user.
   */
  async setPassword(id: string, passwordHash: string, db: Queryable = this.dataSource): Promise<UserRow | undefined> {
    return this.changeAndNotify(id, 'password_hash = $2, token_epoch = token_epoch + 1', [passwordHash], db);
  }

  /**
   * Activates or deactivates the user; a deactivation also raises the token epoch, so access tokens
   * issued before it stay dead after a later activation. Every node is told. Undefined when there is no such user.
   */
  async setActive(id: string, active: boolean, db: Queryable = this.dataSource): Promise<UserRow | undefined> {
    return this.changeAndNotify(id, 'active = $2, token_epoch = token_epoch + CASE WHEN $2 THEN 0 ELSE 1 END', [active], db);
  }

  private async changeAndNotify(id: string, assignments: string, values: unknown[], db: Queryable): Promise<UserRow | undefined> {
    const rows = rowsOf<UserRow>(
      await db.query(
        `WITH changed AS (UPDATE users SET ${assignments} WHERE id = $1 RETURNING ${COLUMNS}),
              told AS (SELECT pg_notify('${IDENTITY_CHANNEL}', 'user:' || id) FROM changed)
         SELECT changed.* FROM changed, (SELECT count(*) FROM told) AS sent`,
        [id, ...values],
      ),
    );
    return rows[0];
  }

  /**
   * The id of the user named `username`, if there is one. `lock: 'share'` (inside a transaction)
   * keeps the user from being deleted until the transaction ends.
   */
  async findIdByUsername(username: string, db: Queryable = this.dataSource, lock?: 'share'): Promise<string | undefined> {
    const rows = rowsOf<{ id: string }>(await db.query(`SELECT id FROM users WHERE username = $1${lock === 'share' ? ' FOR SHARE' : ''}`, [username]));
    return rows[0]?.id;
  }

  /** The users named (those that exist), in no particular order. */
  async findByUsernames(usernames: readonly string[], db: Queryable = this.dataSource): Promise<UserRow[]> {
    return rowsOf<UserRow>(await db.query(`SELECT ${COLUMNS} FROM users WHERE username = ANY($1::text[])`, [usernames]));
  }

  /** Active users whose username starts with `prefix` (case-insensitive), by username; at most `limit`. */
  async findActiveByUsernamePrefix(prefix: string, limit: number, db: Queryable = this.dataSource): Promise<UserRow[]> {
    return rowsOf<UserRow>(
      await db.query(`SELECT ${COLUMNS} FROM users WHERE active AND lower(username) LIKE $1 ORDER BY username COLLATE "C" LIMIT $2`, [
        `${escapeLike(prefix.toLowerCase())}%`,
        limit,
      ]),
    );
  }

  /** Every user who holds all `skills`, compared trimmed and case-insensitively; in no particular order. */
  async findWithAllSkills(skills: readonly string[], db: Queryable = this.dataSource): Promise<UserRow[]> {
    return rowsOf<UserRow>(
      await db.query(`SELECT ${COLUMNS} FROM users WHERE ARRAY(SELECT lower(btrim(s)) FROM unnest(skills) AS s) @> $1::text[]`, [
        skills.map((skill) => skill.trim().toLowerCase()),
      ]),
    );
  }

  /** Replaces the user's skills; undefined when there is no such user. */
  async setSkills(id: string, skills: readonly string[], db: Queryable = this.dataSource): Promise<UserRow | undefined> {
    // A CTE so that the data source answers the rows (a bare UPDATE answers [rows, count]).
    const rows = rowsOf<UserRow>(
      await db.query(`WITH changed AS (UPDATE users SET skills = $2 WHERE id = $1 RETURNING ${COLUMNS}) SELECT * FROM changed`, [id, skills]),
    );
    return rows[0];
  }

  /** The members of the team, by username (byte order, as the team view lists them). */
  async membersOf(teamId: string, db: Queryable = this.dataSource): Promise<UserRow[]> {
    return rowsOf<UserRow>(await db.query(`SELECT ${COLUMNS} FROM users WHERE team_ids @> ARRAY[$1::uuid] ORDER BY username COLLATE "C"`, [teamId]));
  }

  /** Adds the team to the user named `username` (a member already stays one); false when there is no such user. */
  async addToTeam(teamId: string, username: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await db.query(
        `WITH target AS (SELECT id FROM users WHERE username = $2),
              added AS (UPDATE users SET team_ids = array_append(team_ids, $1::uuid) WHERE id IN (SELECT id FROM target) AND NOT team_ids @> ARRAY[$1::uuid] RETURNING id)
         SELECT id FROM target`,
        [teamId, username],
      ),
    );
    return rows.length > 0;
  }

  /** Takes the team from the user named `username`; false when they are no member of it (or no user). */
  async removeFromTeam(teamId: string, username: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await db.query(
        'WITH removed AS (UPDATE users SET team_ids = array_remove(team_ids, $1::uuid) WHERE username = $2 AND team_ids @> ARRAY[$1::uuid] RETURNING id) SELECT id FROM removed',
        [teamId, username],
      ),
    );
    return rows.length > 0;
  }

  /** Takes the team from every member (before the team is deleted). */
  async removeTeamFromAll(teamId: string, db: Queryable = this.dataSource): Promise<void> {
    await db.query(
      'WITH removed AS (UPDATE users SET team_ids = array_remove(team_ids, $1::uuid) WHERE team_ids @> ARRAY[$1::uuid] RETURNING id) SELECT count(*) FROM removed',
      [teamId],
    );
  }
}
