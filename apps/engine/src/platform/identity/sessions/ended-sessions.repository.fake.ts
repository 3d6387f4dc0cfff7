// For service specs: the ended_sessions table in memory.
import type { EndedSessionsRepository } from './ended-sessions.repository.js';

export class FakeEndedSessionsRepository implements Pick<EndedSessionsRepository, keyof EndedSessionsRepository> {
  readonly ended = new Map<string, Date>();

  async end(sessionId: string, expiresAt: Date): Promise<void> {
    for (const [id, expiry] of this.ended) if (expiry.getTime() < Date.now()) this.ended.delete(id);
    if (!this.ended.has(sessionId)) this.ended.set(sessionId, expiresAt);
  }

  async isEnded(sessionId: string): Promise<boolean> {
    return this.ended.has(sessionId);
  }
}
