// Territories: what a territory rule set's result names (`territory`), with the team that works
// it, its default owner and its actions rule sets. Assignment reads them to complete a rule
// result that does not carry a team or owner (see TerritoryLookup).
import { Injectable } from '@nestjs/common';
import { Invalid, NotFound, Conflict } from '../../platform/errors/domain-errors.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { Transactions } from '../../platform/database/transactions.js';
import { TeamsRepository } from '../../platform/identity/teams/teams.repository.js';
import { UsersRepository } from '../../platform/identity/users/users.repository.js';
import { RuleSetsRepository } from '../rule-sets/rule-sets.repository.js';
import { TerritoriesRepository } from './territories.repository.js';
import type { NewTerritory, TerritoryFields } from './territory-input.js';
import { territoryViewOf, type TerritoryView } from './territory.row.js';

export type { TerritoryView } from './territory.row.js';

@Injectable()
export class TerritoriesService {
  constructor(
    private readonly territories: TerritoriesRepository,
    private readonly ruleSets: RuleSetsRepository,
    private readonly teams: TeamsRepository,
    private readonly users: UsersRepository,
    private readonly transactions: Transactions,
  ) {}

  async list(): Promise<TerritoryView[]> {
    return (await this.territories.all()).map(territoryViewOf);
  }

  async get(key: string): Promise<TerritoryView> {
    const row = await this.territories.record(key);
    if (!row) throw new NotFound(`territory "${key}" not found`);
    return territoryViewOf(row);
  }

  async create(input: NewTerritory): Promise<TerritoryView> {
    await this.transactions.run(async (tx) => {
      const references = await this.references(tx, input);
      const inserted = await this.territories.insert(
        { key: input.key, name: input.name, teamId: references.teamId ?? null, defaultOwner: input.defaultOwner ?? null, actions: input.actions ?? [] },
        tx,
      );
      if (!inserted) throw new Conflict(`a territory with key "${input.key}" already exists`, [{ path: 'key', key: input.key }]);
    });
    return this.get(input.key);
  }

  async update(key: string, changes: TerritoryFields): Promise<TerritoryView> {
    await this.transactions.run(async (tx) => {
      if (!(await this.territories.lock(key, tx))) throw new NotFound(`territory "${key}" not found`);
      const references = await this.references(tx, changes);
      await this.territories.update(
        key,
        {
          name: changes.name,
          ...(changes.team !== undefined ? { teamId: references.teamId ?? null } : {}),
          ...(changes.defaultOwner !== undefined ? { defaultOwner: changes.defaultOwner } : {}),
          actions: changes.actions,
        },
        tx,
      );
    });
    return this.get(key);
  }

  async delete(key: string): Promise<void> {
    if (!(await this.territories.delete(key))) throw new NotFound(`territory "${key}" not found`);
  }

  /** The team id of `team`, after checking that the team, the owner and the actions rule sets exist (400 naming the field). */
  private async references(tx: Queryable, fields: TerritoryFields): Promise<{ teamId?: string | null }> {
    const result: { teamId?: string | null } = {};
    if (fields.team !== undefined && fields.team !== null) {
      const teamId = await this.teams.findIdByName(fields.team, tx);
      if (teamId === undefined) throw Invalid.field('team', `"${fields.team}" is not a team`);
      result.teamId = teamId;
    } else if (fields.team === null) {
      result.teamId = null;
    }
    if (fields.defaultOwner !== undefined && fields.defaultOwner !== null) {
      // Held: the owner cannot disappear between this check and the write.
      if ((await this.users.findIdByUsername(fields.defaultOwner, tx, 'share')) === undefined)
        throw Invalid.field('defaultOwner', `"${fields.defaultOwner}" is not a user`);
    }
    if (fields.actions && fields.actions.length > 0) {
      const kinds = await this.ruleSets.latestKinds(fields.actions, tx);
      fields.actions.forEach((key, index) => {
        const kind = kinds.get(key);
        if (kind === undefined) throw Invalid.field(`actions[${index}]`, `"${key}" is not a deployed rule set`);
        if (kind !== 'actions') throw Invalid.field(`actions[${index}]`, `"${key}" is a ${kind} rule set, not an actions rule set`);
      });
    }
    return result;
  }
}
