// Whether a session was signed out, on every request of a session token: read from
// `ended_sessions` and remembered per node (NotifiedCache) while the identity notifications are
// heard; a sign-out on any node sends `session:<id>` and every node forgets that session at once.
// Bearer tokens from /auth/login carry no session and never come here.
import { Injectable } from '@nestjs/common';
import { EVERYTHING_CHANGED, IdentityChanges } from '../identity-changes.js';
import { NotifiedCache } from '../notified-cache.js';
import { EndedSessionsRepository } from './ended-sessions.repository.js';

/** How long a session's state is remembered at most (a bound should a notification be lost unnoticed). */
const SESSION_STATE_CACHE_MS = 10_000;

@Injectable()
export class EndedSessions {
  private readonly cache: NotifiedCache<boolean>;

  constructor(
    private readonly repository: EndedSessionsRepository,
    changes: IdentityChanges,
  ) {
    this.cache = new NotifiedCache(changes, SESSION_STATE_CACHE_MS);
    changes.subscribe((payload) => {
      if (payload.startsWith('session:')) this.cache.forget(payload.slice('session:'.length));
      else if (payload === EVERYTHING_CHANGED) this.cache.forgetAll();
    });
  }

  isEnded(sessionId: string): Promise<boolean> {
    return this.cache.get(sessionId, () => this.repository.isEnded(sessionId));
  }

  /** Ends the session for good on every node; `expiresAt` is when its token expires anyway. */
  async end(sessionId: string, expiresAt: Date): Promise<void> {
    await this.repository.end(sessionId, expiresAt);
    this.cache.forget(sessionId);
  }
}
