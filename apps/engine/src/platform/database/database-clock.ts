// The engine's notion of "now": the DATABASE clock, so that due times, run times and lock
// expiry agree across nodes whose own clocks drift. A command that reads its instance takes
// `now()` from that read; a command without a read (a start) uses this node's clock corrected
// by the offset to the database clock measured on every observation.
import { Inject, Injectable } from '@nestjs/common';
import { ENGINE_CONFIG, type EngineConfig } from '../config/engine-config.js';

@Injectable()
export class DatabaseClock {
  /** Database clock minus this node's clock, in ms, from the latest observation. */
  private offsetMs = 0;
  private readonly skewMs: number;

  constructor(@Inject(ENGINE_CONFIG) config: EngineConfig) {
    this.skewMs = config.fakeClockSkewMs;
  }

  /** This node's own clock (shifted by STAGEFLOW_FAKE_CLOCK_SKEW_MS in tests): for logs only. */
  nodeNow(): number {
    return Date.now() + this.skewMs;
  }

  /**
   * Records the database's `now()` as returned by a statement sent at `sentAt` and answered at
   * `receivedAt` (node clock): the database read its clock somewhere in between.
   */
  observe(databaseNow: Date, sentAt: number, receivedAt: number): void {
    this.offsetMs = databaseNow.getTime() - (sentAt + receivedAt) / 2;
  }

  /** The database clock, estimated: ISO 8601. */
  now(): string {
    return new Date(this.nodeNow() + this.offsetMs).toISOString();
  }
}
