// For service specs: SignInThrottlesRepository over a map, with the same answers as its SQL and a
// settable clock (`now`, ms).
import type { SignInThrottlesRepository } from './sign-in-throttles.repository.js';
import type { CountedAttempt, SignInThrottleRow, ThrottlePolicy } from './sign-in-throttles.row.js';

export class FakeSignInThrottlesRepository implements Pick<SignInThrottlesRepository, keyof SignInThrottlesRepository> {
  readonly rows = new Map<string, SignInThrottleRow>();
  now = Date.parse('2026-01-01T00:00:00Z');

  async countAttempt(key: string, policy: ThrottlePolicy): Promise<CountedAttempt> {
    const now = this.now;
    const row = this.rows.get(key);
    if (row?.locked_until && row.locked_until.getTime() > now) return { counted: false, locked_for_seconds: this.secondsUntil(row.locked_until) };
    const window = policy.windowSeconds * 1000;
    const forgotten = !row || (row.last_failure_at.getTime() < now - window && (!row.locked_until || row.locked_until.getTime() < now - window));
    const failures = forgotten ? 1 : row.failures + 1;
    const lockSeconds = Math.min(policy.maxLockSeconds, policy.lockSeconds * 2 ** Math.min(failures - policy.limit, 30));
    const next: SignInThrottleRow = {
      key,
      failures,
      last_failure_at: new Date(now),
      locked_until: failures >= policy.limit ? new Date(now + lockSeconds * 1000) : null,
    };
    this.rows.set(key, next);
    return { counted: true, locked_for_seconds: next.locked_until ? this.secondsUntil(next.locked_until) : 0 };
  }

  async forget(key: string): Promise<void> {
    this.rows.delete(key);
  }

  async uncount(key: string, limit: number): Promise<void> {
    const row = this.rows.get(key);
    if (!row) return;
    if (row.failures - 1 < limit) row.locked_until = null;
    row.failures = Math.max(row.failures - 1, 0);
  }

  async deleteStale(windowSeconds: number): Promise<void> {
    const before = this.now - windowSeconds * 1000;
    for (const [key, row] of this.rows) {
      if (row.last_failure_at.getTime() < before && (!row.locked_until || row.locked_until.getTime() < before)) this.rows.delete(key);
    }
  }

  private secondsUntil(time: Date): number {
    return Math.max(0, Math.ceil((time.getTime() - this.now) / 1000));
  }
}
