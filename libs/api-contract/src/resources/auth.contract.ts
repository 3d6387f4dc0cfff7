// POST /api/v1/auth/login and /api/v1/auth/session (the body of both is the login request of ../requests).
import { array, described, integer, named, ref, stringEnum, string, uuid } from '../schemas/json-schema.js';

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds. */
  expiresIn: number;
}

export const loginResponseSchema = named<LoginResponse>('login-response', {
  accessToken: string,
  tokenType: stringEnum(['Bearer']),
  expiresIn: described(integer, 'Seconds.'),
});

/** The signed-in user of a browser session: what the web app needs to greet them and choose its navigation. */
export interface SessionUser {
  id: string;
  username: string;
  /** The name to show; the username while users have no other name. */
  displayName: string;
  roles: string[];
  /** The names of the user's teams. */
  teams: string[];
}

/** POST and GET /api/v1/auth/session: the session kept in the httpOnly cookie `stageflow_session`. */
export interface SessionResponse {
  user: SessionUser;
  /** Send as the header X-CSRF-Token with every write (POST, PUT, PATCH, DELETE) made with the cookie. */
  csrfToken: string;
  /** Seconds until the session ends. */
  expiresIn: number;
}

export const sessionUserSchema = named<SessionUser>('session-user', {
  id: uuid,
  username: string,
  displayName: described(string, 'The name to show; the username while users have no other name.'),
  roles: array(string),
  teams: described(array(string), "The names of the user's teams."),
});

export const sessionResponseSchema = named<SessionResponse>(
  'session-response',
  {
    user: ref(sessionUserSchema),
    csrfToken: described(string, 'Send as the header X-CSRF-Token with every write (POST, PUT, PATCH, DELETE) made with the cookie.'),
    expiresIn: described(integer, 'Seconds until the session ends.'),
  },
  { description: 'A browser session, kept in the httpOnly cookie `stageflow_session` (docs/api.md, "Browser sessions").' },
);
