// For service specs: TerritoriesRepository over an array of rows, answering as its SQL does
// (unique keys, a team's name from `teamNames`), with the connection each write used.
import type { Queryable } from '../../platform/database/queryable.js';
import type { NewTerritoryRow, TerritoriesRepository, TerritoryChange } from './territories.repository.js';
import type { TerritoryRow } from './territory.row.js';

export class FakeTerritoriesRepository implements Pick<TerritoriesRepository, keyof TerritoriesRepository> {
  rows: TerritoryRow[] = [];
  /** Team names by id, for the `team` column the SQL joins in. */
  readonly teamNames = new Map<string, string>();
  readonly writes: { method: string; db: Queryable | undefined }[] = [];

  async all(): Promise<TerritoryRow[]> {
    return [...this.rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async record(key: string): Promise<TerritoryRow | undefined> {
    const row = this.rows.find((candidate) => candidate.key === key);
    return row ? { ...row, team: row.team_id === null ? null : (this.teamNames.get(row.team_id) ?? null) } : undefined;
  }

  async insert(territory: NewTerritoryRow, tx: Queryable): Promise<boolean> {
    this.writes.push({ method: 'insert', db: tx });
    if (this.rows.some((row) => row.key === territory.key)) return false;
    const now = new Date('2026-01-01T00:00:00Z');
    this.rows.push({
      key: territory.key,
      name: territory.name,
      team_id: territory.teamId,
      team: null,
      default_owner: territory.defaultOwner,
      actions: territory.actions,
      created_at: now,
      updated_at: now,
    });
    return true;
  }

  async lock(key: string): Promise<boolean> {
    return this.rows.some((row) => row.key === key);
  }

  async update(key: string, change: TerritoryChange, tx: Queryable): Promise<void> {
    this.writes.push({ method: 'update', db: tx });
    const row = this.rows.find((candidate) => candidate.key === key);
    if (!row) return;
    if (change.name !== undefined) row.name = change.name;
    if (change.teamId !== undefined) row.team_id = change.teamId;
    if (change.defaultOwner !== undefined) row.default_owner = change.defaultOwner;
    if (change.actions !== undefined) row.actions = change.actions;
    row.updated_at = new Date('2026-01-02T00:00:00Z');
  }

  async delete(key: string): Promise<boolean> {
    const before = this.rows.length;
    this.rows = this.rows.filter((row) => row.key !== key);
    return this.rows.length < before;
  }
}
