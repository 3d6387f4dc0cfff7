// Assignment by strategy (docs/rules.md#assignment): finds the candidates of a strategy in the
// database, on the CALLER's transaction, and lets libs/rules choose. Whatever the strategy,
// nobody found means the unsorted queue (assignee null, strategy `unsorted`, the reason says
// why). Team and owner precedence: the assignment request's team, else the team of the work's
// territory as its rule result gave it, else the territory record's team; the owner from the
// territory rule result, else the territory record's default owner. Assignments within one team
// (and team-less skill matches) are serialized by a lock held until the caller's transaction
// ends, so open-task counts and round-robin turns are exact across concurrent commands on any node.
import { Injectable } from '@nestjs/common';
import { selectAssignee, type AssignmentCandidate, type SelectionInput } from '@stageflow/rules';
import type { Queryable } from '../../platform/database/queryable.js';
import { TeamsRepository } from '../../platform/identity/teams/teams.repository.js';
import { UsersRepository } from '../../platform/identity/users/users.repository.js';
import type { UserRow } from '../../platform/identity/users/users.row.js';
import { TerritoriesRepository } from '../territories/territories.repository.js';
import type { TerritoryRow } from '../territories/territory.row.js';
import { AssignmentRepository } from './assignment.repository.js';
import type { AssignmentOutcome, AssignmentRequest } from './assignment.types.js';
import { territoryOf, type WorkTerritory } from './territory-of.js';

interface ResolvedTerritory {
  work: WorkTerritory;
  record: TerritoryRow | undefined;
}

@Injectable()
export class AssignmentService {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly territories: TerritoriesRepository,
    private readonly users: UsersRepository,
    private readonly teams: TeamsRepository,
  ) {}

  /**
   * Chooses a user for `request` inside the caller's transaction `tx` — a pg PoolClient inside
   * BEGIN, a TypeORM QueryRunner or EntityManager — so a round-robin turn commits or rolls back with it.
   */
  async assign(request: AssignmentRequest, tx: Queryable): Promise<AssignmentOutcome> {
    const choice = selectAssignee(await this.selection(request, tx));
    if (choice.assignee === null && request.strategy !== 'unsorted') {
      return { assignee: null, strategy: 'unsorted', requestedStrategy: request.strategy, reason: `${choice.reason}; left in the unsorted queue` };
    }
    return { assignee: choice.assignee, strategy: request.strategy, requestedStrategy: request.strategy, reason: choice.reason };
  }

  private async selection(request: AssignmentRequest, tx: Queryable): Promise<SelectionInput> {
    const territory = await this.territory(request.territory, tx);
    switch (request.strategy) {
      case 'unsorted':
        return { strategy: 'unsorted' };
      case 'territoryOwner':
        return this.territoryOwner(territory, tx);
      case 'roundRobin':
      case 'leastOpenTasks': {
        const team = this.teamOf(request, territory);
        if (team === undefined)
          return unsorted(request.strategy, `no team: the rule names none${territory ? ` and territory "${territory.work.key}" has none` : ''}`);
        const id = await this.teams.findIdByName(team, tx);
        if (id === undefined) return unsorted(request.strategy, `"${team}" is not a team`);
        await this.repository.lockTeam(tx, id);
        const candidates = await this.candidates(await this.users.membersOf(id, tx), tx);
        if (request.strategy === 'leastOpenTasks' || candidates.length === 0) return { strategy: request.strategy, team, candidates, turn: 1 };
        return { strategy: 'roundRobin', team, candidates, turn: await this.repository.takeTurn(tx, id) };
      }
      case 'skillMatch': {
        const skills = request.skills ?? [];
        const team = this.teamOf(request, territory);
        if (team === undefined) {
          if (skills.length === 0) return unsorted('skillMatch', 'neither skills nor a team are given');
          await this.repository.lockAllUsers(tx);
          return { strategy: 'skillMatch', skills, pool: 'all users', candidates: await this.candidates(await this.users.findWithAllSkills(skills, tx), tx) };
        }
        const id = await this.teams.findIdByName(team, tx);
        if (id === undefined) return unsorted('skillMatch', `"${team}" is not a team`);
        await this.repository.lockTeam(tx, id);
        return { strategy: 'skillMatch', skills, pool: `team "${team}"`, candidates: await this.candidates(await this.users.membersOf(id, tx), tx) };
      }
      default: {
        const unknown: never = request.strategy;
        throw new Error(`unknown assignment strategy ${String(unknown)}`);
      }
    }
  }

  /** The users as candidates, with their open tasks counted (after any lock the caller took: a new snapshot). */
  private async candidates(users: readonly UserRow[], tx: Queryable): Promise<AssignmentCandidate[]> {
    const open = await this.repository.openTasks(
      users.map((user) => user.username),
      tx,
    );
    return users.map((user) => ({ username: user.username, skills: user.skills, openTasks: open.get(user.username) ?? 0 }));
  }

  private async territory(value: unknown, tx: Queryable): Promise<ResolvedTerritory | undefined> {
    const work = territoryOf(value);
    return work ? { work, record: await this.territories.record(work.key, tx) } : undefined;
  }

  private teamOf(request: AssignmentRequest, territory: ResolvedTerritory | undefined): string | undefined {
    return request.team ?? territory?.work.team ?? territory?.record?.team ?? undefined;
  }

  private async territoryOwner(territory: ResolvedTerritory | undefined, tx: Queryable): Promise<SelectionInput> {
    if (!territory) return { strategy: 'territoryOwner', candidates: [] };
    const fromResult = territory.work.owner;
    const owner = fromResult ?? territory.record?.default_owner ?? undefined;
    const input: SelectionInput = {
      strategy: 'territoryOwner',
      territory: territory.work.key,
      candidates: owner === undefined ? [] : await this.candidates(await this.users.findByUsernames([owner], tx), tx),
    };
    if (owner !== undefined) {
      input.owner = owner;
      input.ownerFrom = fromResult !== undefined ? 'rule result' : 'territory record';
    }
    return input;
  }
}

function unsorted(strategy: AssignmentRequest['strategy'], why: string): SelectionInput {
  return { strategy: 'unsorted', reason: `${strategy}: ${why}` };
}
