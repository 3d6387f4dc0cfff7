// Territories: what a territory rule set's result names (`territory`), with the team that works
// it, its default owner and its actions rule sets. Assignment reads them to complete a rule
// result that does not carry a team or owner (see TerritoryLookup).
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Invalid, NotFound, Conflict } from '../../platform/errors/domain-errors.js';
import type { NewTerritory, TerritoryFields } from './territory-input.js';

export interface TerritoryView {
  key: string;
  name: string;
  /** The team's name (its candidate group), or null. */
  team: string | null;
  teamId: string | null;
  /** Username of the default owner, or null. */
  defaultOwner: string | null;
  /** Keys of the territory's `actions` rule sets. */
  actions: string[];
  createdAt: string;
  updatedAt: string;
}

interface TerritoryRecord {
  key: string;
  name: string;
  team_id: string | null;
  team: string | null;
  default_owner: string | null;
  actions: string[];
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT t.key, t.name, t.team_id, tm.name AS team, t.default_owner, t.actions, t.created_at, t.updated_at
  FROM territories t LEFT JOIN teams tm ON tm.id = t.team_id`;

@Injectable()
export class TerritoriesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<TerritoryView[]> {
    const rows: TerritoryRecord[] = await this.dataSource.query(`${SELECT} ORDER BY t.key COLLATE "C"`);
    return rows.map(toView);
  }

  async get(key: string): Promise<TerritoryView> {
    const rows: TerritoryRecord[] = await this.dataSource.query(`${SELECT} WHERE t.key = $1`, [key]);
    if (!rows[0]) throw new NotFound(`territory "${key}" not found`);
    return toView(rows[0]);
  }

  async create(input: NewTerritory): Promise<TerritoryView> {
    await this.dataSource.transaction(async (manager) => {
      const references = await this.references(manager, input);
      const rows: unknown[] = await manager.query(
        `INSERT INTO territories (key, name, team_id, default_owner, actions) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        [input.key, input.name, references.teamId ?? null, input.defaultOwner ?? null, input.actions ?? []],
      );
      if (rows.length === 0) throw new Conflict(`a territory with key "${input.key}" already exists`, [{ path: 'key', key: input.key }]);
    });
    return this.get(input.key);
  }

  async update(key: string, changes: TerritoryFields): Promise<TerritoryView> {
    await this.dataSource.transaction(async (manager) => {
      const existing: unknown[] = await manager.query('SELECT key FROM territories WHERE key = $1 FOR UPDATE', [key]);
      if (existing.length === 0) throw new NotFound(`territory "${key}" not found`);
      const references = await this.references(manager, changes);
      // Each column keeps its value unless the change names it ($n::bool says whether it does).
      await manager.query(
        `UPDATE territories SET
           name = COALESCE($2, name),
           team_id = CASE WHEN $3::bool THEN $4::uuid ELSE team_id END,
           default_owner = CASE WHEN $5::bool THEN $6::text ELSE default_owner END,
           actions = COALESCE($7::text[], actions),
           updated_at = now()
         WHERE key = $1`,
        [
          key,
          changes.name ?? null,
          changes.team !== undefined,
          references.teamId ?? null,
          changes.defaultOwner !== undefined,
          changes.defaultOwner ?? null,
          changes.actions ?? null,
        ],
      );
    });
    return this.get(key);
  }

  async delete(key: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query('WITH gone AS (DELETE FROM territories WHERE key = $1 RETURNING key) SELECT key FROM gone', [key]);
    if (rows.length === 0) throw new NotFound(`territory "${key}" not found`);
  }

  /** The team id of `team`, after checking that the team, the owner and the actions rule sets exist (400 naming the field). */
  private async references(manager: EntityManager, fields: TerritoryFields): Promise<{ teamId?: string | null }> {
    const result: { teamId?: string | null } = {};
    if (fields.team !== undefined && fields.team !== null) {
      const teams: { id: string }[] = await manager.query('SELECT id FROM teams WHERE name = $1', [fields.team]);
      if (!teams[0]) throw Invalid.field('team', `"${fields.team}" is not a team`);
      result.teamId = teams[0].id;
    } else if (fields.team === null) {
      result.teamId = null;
    }
    if (fields.defaultOwner !== undefined && fields.defaultOwner !== null) {
      // FOR SHARE: the owner cannot disappear between this check and the insert.
      const users: unknown[] = await manager.query('SELECT id FROM users WHERE username = $1 FOR SHARE', [fields.defaultOwner]);
      if (users.length === 0) throw Invalid.field('defaultOwner', `"${fields.defaultOwner}" is not a user`);
    }
    if (fields.actions && fields.actions.length > 0) {
      const kinds: { key: string; kind: string }[] = await manager.query(
        'SELECT DISTINCT ON (key) key, kind FROM rule_sets WHERE key = ANY($1::text[]) ORDER BY key, version DESC',
        [fields.actions],
      );
      fields.actions.forEach((key, index) => {
        const found = kinds.find((row) => row.key === key);
        if (!found) throw Invalid.field(`actions[${index}]`, `"${key}" is not a deployed rule set`);
        if (found.kind !== 'actions') throw Invalid.field(`actions[${index}]`, `"${key}" is a ${found.kind} rule set, not an actions rule set`);
      });
    }
    return result;
  }
}

function toView(row: TerritoryRecord): TerritoryView {
  return {
    key: row.key,
    name: row.name,
    team: row.team,
    teamId: row.team_id,
    defaultOwner: row.default_owner,
    actions: row.actions,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
