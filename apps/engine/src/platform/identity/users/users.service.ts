import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Invalid, NotFound, Conflict } from '../../errors/domain-errors.js';
import { ENGINE_CONFIG, type EngineConfig } from '../../config/engine-config.js';
import type { Role } from '../auth/role.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import type { TeamRow } from '../teams/teams.row.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { UsersRepository } from './users.repository.js';
import { toUserView, type UserRow, type UserView } from './users.row.js';

export type { UserView } from './users.row.js';

export interface NewUser {
  username: string;
  password: string;
  roles: Role[];
  teamIds: string[];
  skills: string[];
}

/** A hash of nothing anyone types: verified for unknown usernames, so they cost as much as a wrong password. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$8JgGBzNdKr8X0GEH7ZJtYF/WbwXeEkoFMiixqiD0hJg';

@Injectable()
export class UsersService {
  private readonly logger = new Logger('UsersService');

  constructor(
    private readonly users: UsersRepository,
    private readonly teams: TeamsRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  /** On first start: create `admin` with the configured password, or a generated one printed once. */
  async ensureAdmin(): Promise<void> {
    if (await this.users.hasAny()) return;
    const generated = this.config.adminPassword === undefined;
    const password = this.config.adminPassword ?? randomBytes(18).toString('base64url');
    const inserted = await this.users.insertIgnoringDuplicate({
      id: randomUUID(),
      username: 'admin',
      password_hash: await hashPassword(password),
      roles: ['admin'],
      team_ids: [],
      skills: [],
    });
    if (!inserted) return; // another node created it first
    if (generated) {
      process.stdout.write(`\nStageflow admin user created: username "admin", password "${password}" (shown once)\n\n`);
    } else {
      this.logger.log('admin user created from STAGEFLOW_ADMIN_PASSWORD');
    }
  }

  async create(input: NewUser): Promise<UserView> {
    const teams = await this.loadTeams(input.teamIds);
    const stored = await this.users.insertIgnoringDuplicate({
      id: randomUUID(),
      username: input.username,
      password_hash: await hashPassword(input.password),
      roles: input.roles,
      team_ids: input.teamIds,
      skills: input.skills,
    });
    if (!stored) throw new Conflict(`a user named "${input.username}" already exists`);
    return toUserView(stored, teams);
  }

  async list(): Promise<UserView[]> {
    const users = await this.users.list();
    const teams = await this.teams.list();
    return users.map((user) => toUserView(user, teams));
  }

  async get(id: string): Promise<UserView> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFound(`user ${id} not found`);
    return toUserView(user, await this.loadTeams(user.team_ids));
  }

  /** Replaces the user's skills (what skillMatch assignment compares). */
  async setSkills(id: string, skills: string[]): Promise<UserView> {
    const user = await this.users.setSkills(id, skills);
    if (!user) throw new NotFound(`user ${id} not found`);
    return toUserView(user, await this.loadTeams(user.team_ids));
  }

  /** The user when the password matches, else undefined (same answer, and about the same time, for unknown users). */
  async authenticate(username: string, password: string): Promise<UserView | undefined> {
    const user = await this.users.findByUsername(username);
    if (!user) {
      await verifyPassword(DUMMY_HASH, password);
      return undefined;
    }
    return (await verifyPassword(user.password_hash, password)) ? this.viewOf(user) : undefined;
  }

  /** The user, with the names of their teams; undefined when there is none. */
  async findById(id: string): Promise<UserView | undefined> {
    const user = await this.users.findById(id);
    return user ? this.viewOf(user) : undefined;
  }

  /** The view of a stored user, with the teams that still exist (no check: for sign-in, not for input). */
  private async viewOf(user: UserRow): Promise<UserView> {
    return toUserView(user, user.team_ids.length === 0 ? [] : await this.teams.findByIds(user.team_ids));
  }

  /** The teams of these ids; 400 naming `teamIds` when one does not exist. */
  private async loadTeams(teamIds: string[]): Promise<TeamRow[]> {
    if (teamIds.length === 0) return [];
    const teams = await this.teams.findByIds(teamIds);
    const missing = teamIds.filter((id) => !teams.some((team) => team.id === id));
    if (missing.length > 0) throw Invalid.field('teamIds', `unknown team ids: ${missing.join(', ')}`);
    return teams;
  }
}
