// For service specs: TeamsRepository over an array of rows, its members read from a fake users
// repository (as the SQL reads `users.team_ids`), territories naming a team set by the spec, and
// a log of which connection each write or lock used.
import type { Queryable } from '../../database/queryable.js';
import type { FakeUsersRepository } from '../users/users.repository.fake.js';
import type { TeamRenamed, TeamsRepository } from './teams.repository.js';
import type { TeamRow, TeamWithMembersRow } from './teams.row.js';

export class FakeTeamsRepository implements Pick<TeamsRepository, keyof TeamsRepository> {
  rows: TeamRow[] = [];
  /** Territory keys by team id (the territories table of process/). */
  readonly territories = new Map<string, string[]>();
  readonly writes: { method: string; db: Queryable | undefined }[] = [];

  constructor(private readonly users: FakeUsersRepository) {}

  seed(name: string, id = `10000000-0000-4000-8000-${String(this.rows.length + 1).padStart(12, '0')}`): TeamRow {
    const row: TeamRow = { id, name, created_at: new Date('2026-01-01T00:00:00Z') };
    this.rows.push(row);
    return row;
  }

  private withMembers(row: TeamRow): TeamWithMembersRow {
    return {
      ...row,
      members: this.users.rows
        .filter((user) => user.team_ids.includes(row.id))
        .map((user) => user.username)
        .sort(),
    };
  }

  async insertIgnoringDuplicate(id: string, name: string, db?: Queryable): Promise<boolean> {
    this.writes.push({ method: 'insertIgnoringDuplicate', db });
    if (this.rows.some((row) => row.name === name)) return false;
    this.seed(name, id);
    return true;
  }

  async listWithMembers(): Promise<TeamWithMembersRow[]> {
    return [...this.rows].sort((a, b) => a.name.localeCompare(b.name)).map((row) => this.withMembers(row));
  }

  async findWithMembers(id: string): Promise<TeamWithMembersRow | undefined> {
    const row = this.rows.find((candidate) => candidate.id === id);
    return row ? this.withMembers(row) : undefined;
  }

  async list(): Promise<TeamRow[]> {
    return [...this.rows];
  }

  async findByIds(ids: readonly string[]): Promise<TeamRow[]> {
    return this.rows.filter((row) => ids.includes(row.id));
  }

  async findIdByName(name: string): Promise<string | undefined> {
    return this.rows.find((row) => row.name === name)?.id;
  }

  async rename(id: string, name: string, db?: Queryable): Promise<TeamRenamed> {
    this.writes.push({ method: 'rename', db });
    const row = this.rows.find((candidate) => candidate.id === id);
    if (!row) return 'missing';
    if (this.rows.some((other) => other.id !== id && other.name === name)) return 'name-taken';
    row.name = name;
    return 'renamed';
  }

  async lock(id: string, tx: Queryable): Promise<boolean> {
    this.writes.push({ method: 'lock', db: tx });
    return this.rows.some((row) => row.id === id);
  }

  async territoryKeysOf(id: string): Promise<string[]> {
    return [...(this.territories.get(id) ?? [])].sort();
  }

  async delete(id: string, db?: Queryable): Promise<void> {
    this.writes.push({ method: 'delete', db });
    this.rows = this.rows.filter((row) => row.id !== id);
  }
}
