// Counters of this node's commands, for operators and the benchmark: how many ran, and how
// often one lost the optimistic version check to another command (and was run again).
import { Injectable } from '@nestjs/common';

export interface CommandStatsView {
  /** Commands on existing instances (complete, cancel, run), counted once each however often re-run. */
  commands: number;
  /** Re-runs because another command changed the instance between read and write. */
  lostRaces: number;
  /** Commands that gave up after too many lost races (409). */
  gaveUp: number;
  /** Commands that took their instance from this node's memory of its last write instead of reading it (RecentInstances). */
  readsSkipped: number;
}

@Injectable()
export class CommandStats {
  private readonly counters: CommandStatsView = { commands: 0, lostRaces: 0, gaveUp: 0, readsSkipped: 0 };

  command(): void {
    this.counters.commands++;
  }

  lostRace(): void {
    this.counters.lostRaces++;
  }

  gaveUp(): void {
    this.counters.gaveUp++;
  }

  readSkipped(): void {
    this.counters.readsSkipped++;
  }

  view(): CommandStatsView {
    return { ...this.counters };
  }
}
