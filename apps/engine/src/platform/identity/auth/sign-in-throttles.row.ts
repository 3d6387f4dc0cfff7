// The `sign_in_throttles` table as PostgreSQL answers it: failed sign-ins per key, where a key is
// `user:<lower-case name>` or `address:<client address>`.
export interface SignInThrottleRow {
  key: string;
  failures: number;
  last_failure_at: Date;
  locked_until: Date | null;
}

/** The answer of counting one attempt. */
export interface CountedAttempt {
  /** False: the key was locked, the attempt was not counted and must be refused. */
  counted: boolean;
  /** Seconds until the key's lock ends (0: not locked). */
  locked_for_seconds: number;
}

/** The throttling policy, in the database's terms. */
export interface ThrottlePolicy {
  /** Failures in a row at which the key is locked. */
  limit: number;
  /** The first lock's length; each further failure after it doubles the next, up to `maxLockSeconds`. */
  lockSeconds: number;
  maxLockSeconds: number;
  /** Failures older than this (and no lock within it) are forgotten. */
  windowSeconds: number;
}
