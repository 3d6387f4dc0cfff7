// Throttling of sign-ins (and of password changes, which check a password too), per username and
// per client address, in PostgreSQL so that every node counts alike. Each attempt is counted as a
// failure before the password is checked and taken back when it was right; once a key has
// `limit` failures in a row it is locked: every attempt on it is answered 429 with Retry-After,
// the right password included, without checking anything. Each failure after a lock doubles the
// next one (up to an hour). The username key is the name as typed, trimmed and lower-cased,
// whether or not such a user exists: unknown users are throttled exactly like known ones.
import { Inject, Injectable } from '@nestjs/common';
import { ENGINE_CONFIG, type EngineConfig } from '../../config/engine-config.js';
import { SignInThrottlesRepository } from './sign-in-throttles.repository.js';
import type { ThrottlePolicy } from './sign-in-throttles.row.js';

/** Failures older than this, with no lock within it, are forgotten. */
const WINDOW_SECONDS = 15 * 60;
const MAX_LOCK_SECONDS = 3600;
/** One attempt in this many also deletes forgotten counters. */
const CLEAN_UP_EVERY = 20;

/** A sign-in refused because its username or its address is locked; `retryAfterSeconds` is how long. */
export class SignInThrottled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-ins; try again in ${retryAfterSeconds} s`);
    this.name = 'SignInThrottled';
  }
}

/** What an attempt counted, to take back when the password was right. */
export interface SignInAttempt {
  userKey: string;
  addressKey?: string;
}

export function userThrottleKey(username: string): string {
  return `user:${username.trim().toLowerCase()}`;
}

@Injectable()
export class SignInThrottle {
  private readonly user: ThrottlePolicy;
  private readonly address: ThrottlePolicy;

  constructor(
    private readonly throttles: SignInThrottlesRepository,
    @Inject(ENGINE_CONFIG) config: EngineConfig,
  ) {
    const common = {
      lockSeconds: config.signInLockSeconds,
      maxLockSeconds: Math.max(MAX_LOCK_SECONDS, config.signInLockSeconds),
      windowSeconds: WINDOW_SECONDS,
    };
    this.user = { ...common, limit: config.signInUserFailures };
    this.address = { ...common, limit: config.signInAddressFailures };
  }

  /** Counts an attempt of `username` from `address`; throws SignInThrottled (nothing counted further) when either is locked. */
  async attempt(username: string, address: string | undefined): Promise<SignInAttempt> {
    const attempt: SignInAttempt = { userKey: userThrottleKey(username), addressKey: address ? `address:${address}` : undefined };
    if (Math.floor(Math.random() * CLEAN_UP_EVERY) === 0) await this.throttles.deleteStale(WINDOW_SECONDS);
    // The address first: a locked address does not count against the user it names.
    if (attempt.addressKey) {
      const byAddress = await this.throttles.countAttempt(attempt.addressKey, this.address);
      if (!byAddress.counted) throw new SignInThrottled(Math.max(1, byAddress.locked_for_seconds));
    }
    const byUser = await this.throttles.countAttempt(attempt.userKey, this.user);
    if (!byUser.counted) {
      if (attempt.addressKey) await this.throttles.uncount(attempt.addressKey, this.address.limit);
      throw new SignInThrottled(Math.max(1, byUser.locked_for_seconds));
    }
    return attempt;
  }

  /** The password was right: the user's failures are forgotten, the address's attempt taken back. */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.throttles.forget(attempt.userKey);
    if (attempt.addressKey) await this.throttles.uncount(attempt.addressKey, this.address.limit);
  }

  /** An admin set a new password: the user's lock (if any) is lifted. */
  async release(username: string): Promise<void> {
    await this.throttles.forget(userThrottleKey(username));
  }
}
