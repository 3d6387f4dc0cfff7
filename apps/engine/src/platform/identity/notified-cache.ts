// A per-node cache of what the identity notifications (IdentityChanges) invalidate: a user's state,
// whether a session has ended. It remembers only while the node hears the notifications, for a
// short lifetime at most (a bound should one be lost unnoticed), and a read that overlapped a
// forgetting is not remembered: it may predate the change the forgetting was for.
import type { IdentityChanges } from './identity-changes.js';

const CACHE_LIMIT = 10_000;

export class NotifiedCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  /** Counts every forgetting, to tell a read that overlapped one. */
  private forgettings = 0;

  constructor(
    private readonly changes: Pick<IdentityChanges, 'listening'>,
    private readonly lifetimeMs: number,
  ) {}

  /** The remembered value of `key`, else what `read` answers (remembered when it is safe to). */
  async get(key: string, read: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && cached.until > now && this.changes.listening) return cached.value;
    const forgettings = this.forgettings;
    const value = await read();
    if (this.changes.listening && forgettings === this.forgettings) {
      if (this.entries.size >= CACHE_LIMIT) this.entries.clear();
      this.entries.set(key, { value, until: now + this.lifetimeMs });
    }
    return value;
  }

  forget(key: string): void {
    this.forgettings += 1;
    this.entries.delete(key);
  }

  forgetAll(): void {
    this.forgettings += 1;
    this.entries.clear();
  }
}
