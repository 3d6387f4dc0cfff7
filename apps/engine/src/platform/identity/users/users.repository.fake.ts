// For service specs: UsersRepository over an array of rows, with the same answers as its SQL
// (usernames unique case-insensitively, team membership in `team_ids`, orders) and a log of which connection each
// write used.
import type { Queryable } from '../../database/queryable.js';
import type { UsersRepository } from './users.repository.js';
import type { UserAuthState, UserRow } from './users.row.js';

const byUsername = (a: UserRow, b: UserRow): number => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0);

export class FakeUsersRepository implements Pick<UsersRepository, keyof UsersRepository> {
  rows: UserRow[] = [];
  /** Each write: its method and the connection it was given (undefined: the data source). */
  readonly writes: { method: string; db: Queryable | undefined }[] = [];

  /** Stores a user as a migration-shaped row would be (created now unless given). */
  seed(user: Partial<UserRow> & Pick<UserRow, 'username'>): UserRow {
    const row: UserRow = {
      id: user.id ?? `00000000-0000-4000-8000-${String(this.rows.length + 1).padStart(12, '0')}`,
      username: user.username,
      password_hash: user.password_hash ?? 'not-a-hash',
      roles: user.roles ?? ['seller'],
      team_ids: user.team_ids ?? [],
      skills: user.skills ?? [],
      active: user.active ?? true,
      token_epoch: user.token_epoch ?? 0,
      created_at: user.created_at ?? new Date('2026-01-01T00:00:00Z'),
    };
    this.rows.push(row);
    return row;
  }

  byName(username: string): UserRow | undefined {
    return this.rows.find((row) => row.username === username);
  }

  async hasAny(): Promise<boolean> {
    return this.rows.length > 0;
  }

  async insertIgnoringDuplicate(user: Omit<UserRow, 'created_at' | 'active' | 'token_epoch'>, db?: Queryable): Promise<UserRow | undefined> {
    this.writes.push({ method: 'insertIgnoringDuplicate', db });
    if (this.rows.some((row) => row.username.toLowerCase() === user.username.toLowerCase())) return undefined;
    return this.seed({ ...user, created_at: new Date() });
  }

  async list(): Promise<UserRow[]> {
    return [...this.rows].sort(byUsername);
  }

  async findById(id: string): Promise<UserRow | undefined> {
    return this.rows.find((row) => row.id === id);
  }

  async findByUsername(username: string): Promise<UserRow | undefined> {
    return this.byName(username);
  }

  async findActiveByUsernamePrefix(prefix: string, limit: number): Promise<UserRow[]> {
    const start = prefix.toLowerCase();
    return (await this.list()).filter((row) => row.active && row.username.toLowerCase().startsWith(start)).slice(0, limit);
  }

  async findForSignIn(username: string): Promise<UserRow | undefined> {
    return this.rows.find((row) => row.username.toLowerCase() === username.toLowerCase());
  }

  async findAuthState(id: string): Promise<UserAuthState | undefined> {
    const row = this.rows.find((candidate) => candidate.id === id);
    return row && { active: row.active, token_epoch: row.token_epoch, username: row.username };
  }

  async setPassword(id: string, passwordHash: string, db?: Queryable): Promise<UserRow | undefined> {
    this.writes.push({ method: 'setPassword', db });
    const row = this.rows.find((candidate) => candidate.id === id);
    if (row) Object.assign(row, { password_hash: passwordHash, token_epoch: row.token_epoch + 1 });
    return row;
  }

  async setActive(id: string, active: boolean, db?: Queryable): Promise<UserRow | undefined> {
    this.writes.push({ method: 'setActive', db });
    const row = this.rows.find((candidate) => candidate.id === id);
    if (row) Object.assign(row, { active, token_epoch: row.token_epoch + (active ? 0 : 1) });
    return row;
  }

  async findIdByUsername(username: string): Promise<string | undefined> {
    return this.byName(username)?.id;
  }

  async findByUsernames(usernames: readonly string[]): Promise<UserRow[]> {
    return this.rows.filter((row) => usernames.includes(row.username));
  }

  async findWithAllSkills(skills: readonly string[]): Promise<UserRow[]> {
    const wanted = skills.map((skill) => skill.trim().toLowerCase());
    return this.rows.filter((row) => wanted.every((skill) => row.skills.some((held) => held.trim().toLowerCase() === skill)));
  }

  async setSkills(id: string, skills: readonly string[], db?: Queryable): Promise<UserRow | undefined> {
    this.writes.push({ method: 'setSkills', db });
    const row = this.rows.find((candidate) => candidate.id === id);
    if (row) row.skills = [...skills];
    return row;
  }

  async membersOf(teamId: string): Promise<UserRow[]> {
    return this.rows.filter((row) => row.team_ids.includes(teamId)).sort(byUsername);
  }

  async addToTeam(teamId: string, username: string, db?: Queryable): Promise<boolean> {
    this.writes.push({ method: 'addToTeam', db });
    const row = this.byName(username);
    if (row && !row.team_ids.includes(teamId)) row.team_ids = [...row.team_ids, teamId];
    return row !== undefined;
  }

  async removeFromTeam(teamId: string, username: string, db?: Queryable): Promise<boolean> {
    this.writes.push({ method: 'removeFromTeam', db });
    const row = this.byName(username);
    if (!row || !row.team_ids.includes(teamId)) return false;
    row.team_ids = row.team_ids.filter((id) => id !== teamId);
    return true;
  }

  async removeTeamFromAll(teamId: string, db?: Queryable): Promise<void> {
    this.writes.push({ method: 'removeTeamFromAll', db });
    for (const row of this.rows) row.team_ids = row.team_ids.filter((id) => id !== teamId);
  }
}
