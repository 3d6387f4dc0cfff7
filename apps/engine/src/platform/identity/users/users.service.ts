import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Invalid, NotFound, Conflict } from '../../errors/domain-errors.js';
import { ENGINE_CONFIG, type EngineConfig } from '../../config/engine-config.js';
import type { Role } from '../auth/role.js';
import { SignInThrottle } from '../auth/sign-in-throttle.service.js';
import { TeamsRepository } from '../teams/teams.repository.js';
import type { TeamRow } from '../teams/teams.row.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { UserStatusService } from './user-status.service.js';
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

/** A user whose password was right, with the token epoch their access token must carry. */
export interface SignedInUser {
  user: UserView;
  tokenEpoch: number;
}

/**
 * A hash of a random password nobody knows, made once by this process with the parameters real
 * hashes have: verified for unknown usernames, so that they cost exactly what a wrong password costs.
 */
let dummyHash: Promise<string> | undefined;
const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hashPassword(randomBytes(24).toString('base64url')));

@Injectable()
export class UsersService {
  private readonly logger = new Logger('UsersService');

  constructor(
    private readonly users: UsersRepository,
    private readonly teams: TeamsRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly status: UserStatusService,
    private readonly throttle: SignInThrottle,
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

  /** A new, active user; the username is trimmed and must be unique case-insensitively (409). */
  async create(input: NewUser): Promise<UserView> {
    const username = input.username.trim();
    if (username === '') throw Invalid.field('username', 'must not be blank');
    const teams = await this.loadTeams(input.teamIds);
    const stored = await this.users.insertIgnoringDuplicate({
      id: randomUUID(),
      username,
      password_hash: await hashPassword(input.password),
      roles: input.roles,
      team_ids: input.teamIds,
      skills: input.skills,
    });
    if (!stored) throw new Conflict(`a user named "${username}" already exists (names compare case-insensitively)`);
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

  /**
   * The user when the password matches and the user is active, else undefined: the same answer,
   * and the same cost (one argon2 verification), for an unknown user, a wrong password and a
   * deactivated user. The name compares trimmed and case-insensitively.
   */
  async authenticate(username: string, password: string): Promise<SignedInUser | undefined> {
    const user = await this.users.findForSignIn(username.trim());
    const matches = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
    if (!user || !matches || !user.active) return undefined;
    return { user: await this.viewOf(user), tokenEpoch: user.token_epoch };
  }

  /**
   * Changes the user's own password when `oldPassword` is theirs (else undefined, nothing changed).
   * The token epoch moves on: every access token issued before stops working.
   */
  async changePassword(id: string, oldPassword: string, newPassword: string): Promise<SignedInUser | undefined> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFound(`user ${id} not found`);
    if (!(await verifyPassword(user.password_hash, oldPassword)) || !user.active) return undefined;
    const changed = await this.users.setPassword(id, await hashPassword(newPassword));
    this.status.forget(id);
    if (!changed) throw new NotFound(`user ${id} not found`);
    return { user: await this.viewOf(changed), tokenEpoch: changed.token_epoch };
  }

  /** An admin sets the user's password: their sessions end, and a sign-in lock of their name is lifted. */
  async resetPassword(id: string, password: string): Promise<UserView> {
    const changed = await this.users.setPassword(id, await hashPassword(password));
    this.status.forget(id);
    if (!changed) throw new NotFound(`user ${id} not found`);
    await this.throttle.release(changed.username);
    return this.viewOf(changed);
  }

  /**
   * Activates or deactivates the user. A deactivated user cannot sign in, and their access tokens
   * and API tokens are refused from the next request on, on every node; their access tokens stay
   * dead after an activation (the epoch moved on), their API tokens work again.
   */
  async setActive(id: string, active: boolean): Promise<UserView> {
    const changed = await this.users.setActive(id, active);
    this.status.forget(id);
    if (!changed) throw new NotFound(`user ${id} not found`);
    return this.viewOf(changed);
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
