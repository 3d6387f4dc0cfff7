// The per-request check of a token's user: does it exist, is it active, which token epoch is
// current. Read from `users` and remembered briefly, but only while this node hears the identity
// notifications (IdentityChanges): a change of the user on any node (deactivation, password)
// sends one, and every node forgets the user at once. Without notifications nothing is remembered.
import { Injectable } from '@nestjs/common';
import { EVERYTHING_CHANGED, IdentityChanges } from '../identity-changes.js';
import { UsersRepository } from './users.repository.js';
import type { UserAuthState } from './users.row.js';

/** How long a user's state is remembered at most (a bound should a notification be lost unnoticed). */
const USER_STATE_CACHE_MS = 10_000;
const CACHE_LIMIT = 10_000;

@Injectable()
export class UserStatusService {
  private readonly cache = new Map<string, { state: UserAuthState | undefined; until: number }>();
  /** Counts every forgetting: a read that overlapped one is not remembered (it may predate the change). */
  private forgettings = 0;

  constructor(
    private readonly users: UsersRepository,
    private readonly changes: IdentityChanges,
  ) {
    changes.subscribe((payload) => {
      if (payload.startsWith('user:')) this.forget(payload.slice('user:'.length));
      else if (payload === EVERYTHING_CHANGED) this.forgetAll();
    });
  }

  /** The user's state; undefined when there is no such user. */
  async of(userId: string): Promise<UserAuthState | undefined> {
    const now = Date.now();
    const cached = this.cache.get(userId);
    if (cached && cached.until > now && this.changes.listening) return cached.state;
    const forgettings = this.forgettings;
    const state = await this.users.findAuthState(userId);
    if (this.changes.listening && forgettings === this.forgettings) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(userId, { state, until: now + USER_STATE_CACHE_MS });
    }
    return state;
  }

  /** Forgets the user on this node (other nodes hear the repository's NOTIFY). */
  forget(userId: string): void {
    this.forgettings += 1;
    this.cache.delete(userId);
  }

  private forgetAll(): void {
    this.forgettings += 1;
    this.cache.clear();
  }
}
