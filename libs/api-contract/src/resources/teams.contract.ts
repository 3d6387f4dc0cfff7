// /api/v1/teams and their members.
import { array, described, instant, list, named, object, string, uuid, type ItemList } from '../schemas/json-schema.js';
import { skillsSchema } from './users.contract.js';

export interface TeamView {
  id: string;
  name: string;
  /** Usernames, by name. */
  members: string[];
  createdAt: string;
}

export type TeamList = ItemList<TeamView>;

export interface TeamMemberView {
  id: string;
  username: string;
  roles: string[];
  skills: string[];
}

export interface TeamMemberList {
  items: TeamMemberView[];
}

export interface TeamRequest {
  /** Also the candidate group of its members; `unsorted` is reserved. */
  name: string;
}

export interface TeamMemberRequest {
  username: string;
}

export const teamSchema = named<TeamView>('team', {
  id: uuid,
  name: string,
  members: array(string, { description: 'Usernames, by name.' }),
  createdAt: instant,
});

export const teamListSchema = list('team-list', teamSchema);

export const teamMemberListSchema = named<TeamMemberList>('team-member-list', {
  items: array(object<TeamMemberView>({ id: uuid, username: string, roles: array(string), skills: skillsSchema })),
});

export const teamRequestSchema = named<TeamRequest>('team-request', {
  name: described({ type: 'string', minLength: 1, maxLength: 200 }, 'Also the candidate group of its members; `unsorted` is reserved.'),
});

export const teamMemberRequestSchema = named<TeamMemberRequest>('team-member-request', { username: string });
