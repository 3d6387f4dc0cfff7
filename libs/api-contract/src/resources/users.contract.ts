// GET /api/v1/users, PATCH /api/v1/users/{id}, the users' life cycle (password change and reset, deactivation).
import { array, boolean, described, instant, list, named, string, uuid } from '../schemas/json-schema.js';

export interface UserView {
  id: string;
  username: string;
  roles: string[];
  teamIds: string[];
  teams: string[];
  /** Skill names; compared trimmed and case-insensitively by skillMatch. */
  skills: string[];
  /** False once an admin deactivated the user (no sign-in, their tokens refused). */
  active: boolean;
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
  active: described(boolean, 'False once an admin deactivated the user (no sign-in, their tokens refused).'),
  createdAt: instant,
});

export const userListSchema = list('user-list', userSchema);

export const userUpdateRequestSchema = named<UserUpdateRequest>('user-update-request', { skills: skillsSchema });

/** Body of `POST /api/v1/auth/password`: the caller's own password change. */
export interface PasswordChangeRequest {
  oldPassword: string;
  /** 8 to 200 characters. */
  newPassword: string;
}

/** Body of `POST /api/v1/users/{id}/password`: an admin sets a user's password. */
export interface PasswordResetRequest {
  /** 8 to 200 characters. */
  password: string;
}

const newPassword = { type: 'string', minLength: 8, maxLength: 200, description: '8 to 200 characters.' } as const;

export const passwordChangeRequestSchema = named<PasswordChangeRequest>('password-change-request', {
  oldPassword: { type: 'string', minLength: 1, maxLength: 1024 },
  newPassword,
});

export const passwordResetRequestSchema = named<PasswordResetRequest>('password-reset-request', { password: newPassword });
