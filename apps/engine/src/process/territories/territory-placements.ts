// The deployed territory rule sets applied to facts from outside process/ (the CRM's records,
// through ProcessEngine): the latest version of every `territory` rule set, compiled once per
// version (versions never change), which facts they read, and the territory they decide with the
// team and owner that work it — the rule's result first, else the territory record's.
import { Injectable } from '@nestjs/common';
import type { JsonObject, RuleSetOf } from '@stageflow/process-package';
import { compileRuleSet, variablesFactResolver } from '@stageflow/rules';
import { DatabaseClock } from '../../platform/database/database-clock.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { TeamsRepository } from '../../platform/identity/teams/teams.repository.js';
import { UsersRepository } from '../../platform/identity/users/users.repository.js';
import { RuleSetsRepository } from '../rule-sets/rule-sets.repository.js';
import { TerritoriesRepository } from './territories.repository.js';
import { decideTerritory, factsReadBy, type FactRead, type TerritoryDecision, type TerritoryRuleSetVersion } from './territory-placement.js';

const MAX_COMPILED = 200;

/** A territory decision with who works the territory: `owner` a username that is a user, `teamId` an existing team. */
export interface TerritoryPlacement extends TerritoryDecision {
  ownerId: string | null;
  teamId: string | null;
}

@Injectable()
export class TerritoryPlacements {
  private readonly compiled = new Map<string, TerritoryRuleSetVersion>();

  constructor(
    private readonly ruleSets: RuleSetsRepository,
    private readonly territories: TerritoriesRepository,
    private readonly teams: TeamsRepository,
    private readonly users: UsersRepository,
    private readonly clock: DatabaseClock,
  ) {}

  /** Every fact the latest territory rule sets read (empty when none is deployed). */
  async factsRead(): Promise<FactRead[]> {
    return (await this.latest()).flatMap((set) => factsReadBy(set.document));
  }

  /** The ids of the latest territory rule-set versions, in the order they are tried. */
  async versionIds(): Promise<string[]> {
    return (await this.ruleSets.latestOfKind('territory')).map((row) => row.id);
  }

  /** The territory of `facts` (each a fact by name; `$now` is the database clock), or undefined when no territory rule set places them. */
  async place(facts: Record<string, unknown>, tx?: Queryable): Promise<TerritoryPlacement | undefined> {
    const sets = await this.latest();
    if (sets.length === 0) return undefined;
    const decision = decideTerritory(sets, variablesFactResolver(facts as JsonObject), new Date(this.clock.now()));
    if (!decision) return undefined;
    const record = await this.territories.record(decision.territory, tx);
    const owner = decision.owner ?? record?.default_owner ?? undefined;
    const ownerId = owner === undefined ? undefined : await this.users.findIdByUsername(owner, tx);
    const teamId = decision.team !== undefined ? await this.teams.findIdByName(decision.team, tx) : (record?.team_id ?? undefined);
    return { ...decision, ownerId: ownerId ?? null, teamId: teamId ?? null };
  }

  private async latest(): Promise<TerritoryRuleSetVersion[]> {
    const rows = await this.ruleSets.latestOfKind('territory');
    const missing = rows.filter((row) => !this.compiled.has(row.id)).map((row) => row.id);
    if (missing.length > 0) {
      const versions = new Map(rows.map((row) => [row.id, row]));
      for (const { id, content } of await this.ruleSets.contents(missing)) {
        const row = versions.get(id);
        if (!row || content.kind !== 'territory') continue;
        if (this.compiled.size >= MAX_COMPILED) {
          const oldest = this.compiled.keys().next().value;
          if (oldest !== undefined) this.compiled.delete(oldest);
        }
        const document = content as RuleSetOf<'territory'>;
        this.compiled.set(id, { key: row.key, version: row.version, document, compiled: compileRuleSet(document) });
      }
    }
    return rows.flatMap((row) => {
      const set = this.compiled.get(row.id);
      return set ? [set] : [];
    });
  }
}
