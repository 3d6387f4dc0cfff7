import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Invalid, NotFound, Conflict } from '../../errors/domain-errors.js';
import { ENGINE_CONFIG, type EngineConfig } from '../../config/engine-config.js';
import type { Role } from '../auth/role.js';
import { TeamEntity } from '../teams/team.entity.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { UserEntity } from './user.entity.js';

export interface UserView {
  id: string;
  username: string;
  roles: Role[];
  teamIds: string[];
  teams: string[];
  skills: string[];
  createdAt: string;
}

export interface NewUser {
  username: string;
  password: string;
  roles: Role[];
  teamIds: string[];
  skills: string[];
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger('UsersService');

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(TeamEntity) private readonly teams: Repository<TeamEntity>,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  /** On first start: create `admin` with the configured password, or a generated one printed once. */
  async ensureAdmin(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const generated = this.config.adminPassword === undefined;
    const password = this.config.adminPassword ?? randomBytes(18).toString('base64url');
    const inserted = await this.insertIgnoringDuplicate(randomUUID(), 'admin', await hashPassword(password), ['admin'], [], []);
    if (!inserted) return; // another node created it first
    if (generated) {
      process.stdout.write(`\nStageflow admin user created: username "admin", password "${password}" (shown once)\n\n`);
    } else if (!generated) {
      this.logger.log('admin user created from STAGEFLOW_ADMIN_PASSWORD');
    }
  }

  async create(input: NewUser): Promise<UserView> {
    const teams = await this.loadTeams(input.teamIds);
    const id = randomUUID();
    const inserted = await this.insertIgnoringDuplicate(id, input.username, await hashPassword(input.password), input.roles, input.teamIds, input.skills);
    if (!inserted) throw new Conflict(`a user named "${input.username}" already exists`);
    const stored = await this.users.findOneByOrFail({ id });
    return this.toView(stored, teams);
  }

  private async insertIgnoringDuplicate(
    id: string,
    username: string,
    passwordHash: string,
    roles: Role[],
    teamIds: string[],
    skills: string[],
  ): Promise<boolean> {
    const rows: unknown[] = await this.users.query(
      `INSERT INTO users (id, username, password_hash, roles, team_ids, skills) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [id, username, passwordHash, roles, teamIds, skills],
    );
    return rows.length > 0;
  }

  async list(): Promise<UserView[]> {
    const users = await this.users.find({ order: { username: 'ASC' } });
    const teams = await this.teams.find();
    return users.map((user) => this.toView(user, teams));
  }

  async get(id: string): Promise<UserView> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFound(`user ${id} not found`);
    return this.toView(user, await this.loadTeams(user.teamIds));
  }

  /** Replaces the user's skills (what skillMatch assignment compares). */
  async setSkills(id: string, skills: string[]): Promise<UserView> {
    const rows: unknown[] = await this.users.query('WITH changed AS (UPDATE users SET skills = $2 WHERE id = $1 RETURNING id) SELECT id FROM changed', [
      id,
      skills,
    ]);
    if (rows.length === 0) throw new NotFound(`user ${id} not found`);
    return this.get(id);
  }

  /** The user when the password matches, else undefined (same answer for unknown users). */
  async authenticate(username: string, password: string): Promise<UserEntity | undefined> {
    const user = await this.users.findOneBy({ username });
    if (!user) {
      await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$8JgGBzNdKr8X0GEH7ZJtYF/WbwXeEkoFMiixqiD0hJg', password);
      return undefined;
    }
    return (await verifyPassword(user.passwordHash, password)) ? user : undefined;
  }

  async findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  async teamNames(teamIds: string[]): Promise<string[]> {
    if (teamIds.length === 0) return [];
    return (await this.teams.findBy({ id: In(teamIds) })).map((team) => team.name);
  }

  private async loadTeams(teamIds: string[]): Promise<TeamEntity[]> {
    if (teamIds.length === 0) return [];
    const teams = await this.teams.findBy({ id: In(teamIds) });
    const missing = teamIds.filter((id) => !teams.some((team) => team.id === id));
    if (missing.length > 0) throw Invalid.field('teamIds', `unknown team ids: ${missing.join(', ')}`);
    return teams;
  }

  private toView(user: UserEntity, teams: TeamEntity[]): UserView {
    return {
      id: user.id,
      username: user.username,
      roles: user.roles,
      teamIds: user.teamIds,
      teams: teams.filter((team) => user.teamIds.includes(team.id)).map((team) => team.name),
      skills: user.skills,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
