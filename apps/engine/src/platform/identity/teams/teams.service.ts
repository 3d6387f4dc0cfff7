// Teams and their members. A team's name is also the candidate group its members work; the
// membership itself is the user's `team_ids` (what the auth guard turns into the caller's
// groups at login). A team that a territory names cannot be deleted (409 naming the
// territories): the territory would silently lose its team.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions.js';
import { Invalid, NotFound, Conflict } from '../../errors/domain-errors.js';
import { UsersRepository } from '../users/users.repository.js';
import { toTeamMemberView, type TeamMemberView } from '../users/users.row.js';
import { TeamsRepository } from './teams.repository.js';
import { toTeamView, type TeamView } from './teams.row.js';

export type { TeamView } from './teams.row.js';
export type { TeamMemberView } from '../users/users.row.js';

@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly users: UsersRepository,
    private readonly transactions: Transactions,
  ) {}

  async create(name: string): Promise<TeamView> {
    const id = randomUUID();
    if (!(await this.teams.insertIgnoringDuplicate(id, name))) throw new Conflict(`a team named "${name}" already exists`, [{ path: 'name', name }]);
    return this.get(id);
  }

  async list(): Promise<TeamView[]> {
    return (await this.teams.listWithMembers()).map(toTeamView);
  }

  async get(id: string): Promise<TeamView> {
    const row = await this.teams.findWithMembers(id);
    if (!row) throw new NotFound(`team ${id} not found`);
    return toTeamView(row);
  }

  /** Renames a team. Open tasks keep the candidate group they were created with. */
  async rename(id: string, name: string): Promise<TeamView> {
    const renamed = await this.teams.rename(id, name);
    if (renamed === 'missing') throw new NotFound(`team ${id} not found`);
    if (renamed === 'name-taken') throw new Conflict(`a team named "${name}" already exists`, [{ path: 'name', name }]);
    return this.get(id);
  }

  /** Deletes a team no territory uses; its members stay users, without it. */
  async delete(id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (!(await this.teams.lock(id, tx))) throw new NotFound(`team ${id} not found`);
      const territories = await this.teams.territoryKeysOf(id, tx);
      if (territories.length > 0) {
        throw new Conflict(
          `team ${id} is the team of territor${territories.length === 1 ? 'y' : 'ies'} ${territories.map((key) => `"${key}"`).join(', ')}: change ${territories.length === 1 ? 'it' : 'them'} first`,
          territories.map((territory) => ({ territory })),
        );
      }
      await this.users.removeTeamFromAll(id, tx);
      await this.teams.delete(id, tx);
    });
  }

  async members(id: string): Promise<TeamMemberView[]> {
    await this.get(id);
    return (await this.users.membersOf(id)).map(toTeamMemberView);
  }

  /** Adds a user (by username) to the team; adding a member again changes nothing. */
  async addMember(id: string, username: string): Promise<TeamView> {
    await this.get(id);
    if (!(await this.users.addToTeam(id, username))) throw Invalid.field('username', `"${username}" is not a user`);
    return this.get(id);
  }

  async removeMember(id: string, username: string): Promise<TeamView> {
    await this.get(id);
    if (!(await this.users.removeFromTeam(id, username))) throw new NotFound(`"${username}" is not a member of team ${id}`);
    return this.get(id);
  }
}
