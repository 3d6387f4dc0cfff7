// Browser sessions (POST, GET, DELETE /auth/session): sign-in as /auth/login does, with the token
// kept in an httpOnly cookie instead of the page, and the session's CSRF token in the answer.
import { Injectable } from '@nestjs/common';
import type { SessionResponse } from '@stageflow/api-contract';
import { Unauthorized } from '../../errors/domain-errors.js';
import { AuthService, type SessionRef } from '../auth/auth.service.js';
import { JwtSecretService } from '../auth/jwt-secret.service.js';
import type { Principal } from '../auth/principal.js';
import { UsersService } from '../users/users.service.js';
import type { UserView } from '../users/users.row.js';
import { csrfTokenFor } from './csrf-token.js';

/** A session just started: the answer's body and the token for the cookie. */
export interface StartedBrowserSession {
  body: SessionResponse;
  token: string;
  maxAgeSeconds: number;
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly secret: JwtSecretService,
  ) {}

  /** Signs in (throttled as /auth/login: SignInThrottled, Unauthorized) and starts a session. */
  async start(username: string, password: string, address: string | undefined): Promise<StartedBrowserSession> {
    const started = await this.auth.startSession(username, password, address);
    return { body: this.answer(started.user, started.session, started.expiresIn), token: started.token, maxAgeSeconds: started.expiresIn };
  }

  /** The caller's session as POST answered it, with the user as they are now. */
  async current(principal: Principal, session: SessionRef): Promise<SessionResponse> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new Unauthorized('the session has ended: sign in again');
    return this.answer(user, session, Math.max(0, session.expiresAt - Math.floor(Date.now() / 1000)));
  }

  end(session: SessionRef): Promise<void> {
    return this.auth.endSession(session);
  }

  private answer(user: UserView, session: SessionRef, expiresIn: number): SessionResponse {
    return {
      user: { id: user.id, username: user.username, displayName: user.username, roles: user.roles, teams: user.teams },
      csrfToken: csrfTokenFor(this.secret.secret, session.id),
      expiresIn,
    };
  }
}
