// Assignment by strategy (docs/rules.md#assignment): finds the candidates of a strategy in the
// database, on the CALLER's transaction, and lets libs/rules choose. Whatever the strategy,
// nobody found means the unsorted queue (assignee null, strategy `unsorted`, the reason says
// why). Team and owner precedence: the assignment request's team, else the team of the work's
// territory as its rule result gave it, else the territory record's team; the owner from the
// territory rule result, else the territory record's default owner. Assignments within one team
// (and team-less skill matches) are serialized by a lock held until the caller's transaction
// ends, so open-task counts and round-robin turns are exact across concurrent commands on any node.
import { Injectable } from '@nestjs/common';
import { selectAssignee, type SelectionInput } from '@stageflow/rules';
import type { Queryable } from '../../platform/jobs/jobs.service.js';
import {
  lockAllUsers,
  lockTeam,
  takeTurn,
  teamId,
  teamMembers,
  territoryRecord,
  usersNamed,
  usersWithSkills,
  type TerritoryRecord,
} from './assignment-queries.js';
import type { AssignmentOutcome, AssignmentRequest } from './assignment.types.js';
import { territoryOf, type WorkTerritory } from './territory-of.js';

interface ResolvedTerritory {
  work: WorkTerritory;
  record: TerritoryRecord | undefined;
}

@Injectable()
export class AssignmentService {
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
        const id = await teamId(tx, team);
        if (id === undefined) return unsorted(request.strategy, `"${team}" is not a team`);
        await lockTeam(tx, id);
        const candidates = await teamMembers(tx, id);
        if (request.strategy === 'leastOpenTasks' || candidates.length === 0) return { strategy: request.strategy, team, candidates, turn: 1 };
        return { strategy: 'roundRobin', team, candidates, turn: await takeTurn(tx, id) };
      }
      case 'skillMatch': {
        const skills = request.skills ?? [];
        const team = this.teamOf(request, territory);
        if (team === undefined) {
          if (skills.length === 0) return unsorted('skillMatch', 'neither skills nor a team are given');
          await lockAllUsers(tx);
          return { strategy: 'skillMatch', skills, pool: 'all users', candidates: await usersWithSkills(tx, skills) };
        }
        const id = await teamId(tx, team);
        if (id === undefined) return unsorted('skillMatch', `"${team}" is not a team`);
        await lockTeam(tx, id);
        return { strategy: 'skillMatch', skills, pool: `team "${team}"`, candidates: await teamMembers(tx, id) };
      }
      default: {
        const unknown: never = request.strategy;
        throw new Error(`unknown assignment strategy ${String(unknown)}`);
      }
    }
  }

  private async territory(value: unknown, tx: Queryable): Promise<ResolvedTerritory | undefined> {
    const work = territoryOf(value);
    return work ? { work, record: await territoryRecord(tx, work.key) } : undefined;
  }

  private teamOf(request: AssignmentRequest, territory: ResolvedTerritory | undefined): string | undefined {
    return request.team ?? territory?.work.team ?? territory?.record?.team ?? undefined;
  }

  private async territoryOwner(territory: ResolvedTerritory | undefined, tx: Queryable): Promise<SelectionInput> {
    if (!territory) return { strategy: 'territoryOwner', candidates: [] };
    const fromResult = territory.work.owner;
    const owner = fromResult ?? territory.record?.defaultOwner ?? undefined;
    const input: SelectionInput = {
      strategy: 'territoryOwner',
      territory: territory.work.key,
      candidates: owner === undefined ? [] : await usersNamed(tx, [owner]),
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
