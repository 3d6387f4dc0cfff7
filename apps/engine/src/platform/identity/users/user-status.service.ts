// The per-request check of a token's user: does it exist, is it active, which token epoch is
// current. Read from `users` and remembered briefly, but only while this node hears the identity
// notifications (IdentityChanges): a change of the user on any node (deactivation, password)
// sends one, and every node forgets the user at once. Without notifications nothing is remembered.
import { Injectable } from '@nestjs/common';
import { EVERYTHING_CHANGED, IdentityChanges } from '../identity-changes.js';
import { NotifiedCache } from '../notified-cache.js';
import { UsersRepository } from './users.repository.js';
import type { UserAuthState } from './users.row.js';

/** How long a user's state is remembered at most (a bound should a notification be lost unnoticed). */
const USER_STATE_CACHE_MS = 10_000;

@Injectable()
export class UserStatusService {
  private readonly cache: NotifiedCache<UserAuthState | undefined>;

  constructor(
    private readonly users: UsersRepository,
    changes: IdentityChanges,
  ) {
    this.cache = new NotifiedCache(changes, USER_STATE_CACHE_MS);
    changes.subscribe((payload) => {
      if (payload.startsWith('user:')) this.forget(payload.slice('user:'.length));
      else if (payload === EVERYTHING_CHANGED) this.cache.forgetAll();
    });
  }

  /** The user's state; undefined when there is no such user. */
  of(userId: string): Promise<UserAuthState | undefined> {
    return this.cache.get(userId, () => this.users.findAuthState(userId));
  }

  /** Forgets the user on this node (other nodes hear the repository's NOTIFY). */
  forget(userId: string): void {
    this.cache.forget(userId);
  }
}
