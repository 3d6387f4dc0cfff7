// GET /api/v1/users, PATCH /api/v1/users/{id}.
import { array, instant, list, named, string, uuid } from '../schemas/json-schema.js';

export interface UserView {
  id: string;
  username: string;
  roles: string[];
  teamIds: string[];
  teams: string[];
  /** Skill names; compared trimmed and case-insensitively by skillMatch. */
  skills: string[];
  createdAt: string;
}

export interface UserUpdateRequest {
  skills: string[];
}

export const skillsSchema = array(
  { type: 'string', maxLength: 100 },
  { maxItems: 50, description: 'Skill names; compared trimmed and case-insensitively by skillMatch.' },
);

export const userSchema = named<UserView>('user', {
  id: uuid,
  username: string,
  roles: array(string),
  teamIds: array(uuid),
  teams: array(string),
  skills: skillsSchema,
  createdAt: instant,
});

export const userListSchema = list('user-list', userSchema);

export const userUpdateRequestSchema = named<UserUpdateRequest>('user-update-request', { skills: skillsSchema });
