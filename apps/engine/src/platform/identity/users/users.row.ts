// The `users` table as PostgreSQL answers it, and its views. Team membership is the user's
// `team_ids` (no table of its own): the teams repository reads it, the users repository writes it.
import type { Role } from '../auth/role.js';
import type { TeamRow } from '../teams/teams.row.js';

export interface UserRow {
  id: string;
  username: string;
  /** argon2id hash. */
  password_hash: string;
  roles: Role[];
  team_ids: string[];
  /** What the user is qualified for (industries, languages, products): matched by skillMatch assignment. */
  skills: string[];
  /** False once an admin deactivated the user: no sign-in, and their tokens and API tokens stop working. */
  active: boolean;
  /** Raised by each password change or reset and each deactivation; access tokens carry it (`ep`) and die when it moves on. */
  token_epoch: number;
  created_at: Date;
}

/** What the per-request check needs of a token's user. */
export type UserAuthState = Pick<UserRow, 'active' | 'token_epoch' | 'username'>;

export interface UserView {
  id: string;
  username: string;
  roles: Role[];
  teamIds: string[];
  /** The names of the user's teams, in the order of `teams` given to the mapper. */
  teams: string[];
  skills: string[];
  active: boolean;
  createdAt: string;
}

/** A member as the team's member list shows them. */
export interface TeamMemberView {
  id: string;
  username: string;
  roles: string[];
  skills: string[];
}

/** `teams`: rows that include the user's teams (others are ignored). */
export function toUserView(row: UserRow, teams: readonly TeamRow[]): UserView {
  return {
    id: row.id,
    username: row.username,
    roles: row.roles,
    teamIds: row.team_ids,
    teams: teams.filter((team) => row.team_ids.includes(team.id)).map((team) => team.name),
    skills: row.skills,
    active: row.active,
    createdAt: row.created_at.toISOString(),
  };
}

/** The member-list view of a user (no teams, no dates). */
export function toTeamMemberView(row: Pick<UserRow, 'id' | 'username' | 'roles' | 'skills'>): TeamMemberView {
  return { id: row.id, username: row.username, roles: row.roles, skills: row.skills };
}
