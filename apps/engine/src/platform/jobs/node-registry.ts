// Engine nodes announce themselves with a heartbeat row, judged by the DATABASE clock. A node
// whose heartbeat is older than STAGEFLOW_NODE_DEAD_AFTER_MS is dead (killed, frozen, cut off):
// the next heartbeat of any live node deletes its row and unlocks the jobs its graphile-worker
// pools held, so they run again elsewhere at once instead of after graphile-worker's 4 hours.
// A node wrongly declared dead (a very long pause) may run a job a second time: every job
// handler is idempotent (a timer that no longer waits is a no-op), which at-least-once needs anyway.
//
// A LIVE node can hold an orphaned lock too: when the connection drops while graphile-worker's
// get_job commits (a database restart), the job is locked by this node's pool but the answer
// never reaches a worker, and graphile-worker would leave it locked for 4 hours. So each beat
// also releases this pool's locks that are older than STAGEFLOW_NODE_DEAD_AFTER_MS and that no
// worker of this node is running (found by the multi-node test: timers locked at the moment
// of a database restart never fired).
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ENGINE_CONFIG, type EngineConfig } from '../config/engine-config.js';
import { DatabaseClock } from '../database/database-clock.js';
import { EngineNodesRepository } from './engine-nodes.repository.js';

@Injectable()
export class NodeRegistry {
  private readonly log = new Logger('Nodes');
  readonly nodeId = randomUUID();
  /** The graphile-worker pool working jobs on this node now. */
  private currentPoolId?: string;
  /** Pools of this node that stopped (database lost): their locks are released on the next beat. */
  private stoppedPoolIds: string[] = [];
  private timer?: NodeJS.Timeout;
  private beating?: Promise<void>;
  /** The ids of the jobs this node's workers are running now (told by the job runner). */
  private runningJobIds: () => readonly string[] = () => [];

  constructor(
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly nodes: EngineNodesRepository,
    private readonly clock: DatabaseClock,
  ) {}

  /** The worker pool the job runner (re)started: the previous one has stopped for good. */
  adoptWorkerPool(poolId: string): void {
    if (this.currentPoolId !== undefined) this.stoppedPoolIds.push(this.currentPoolId);
    this.currentPoolId = poolId;
    void this.beat();
  }

  start(runningJobIds: () => readonly string[]): void {
    this.runningJobIds = runningJobIds;
    const every = Math.max(200, Math.floor(this.config.nodeDeadAfterMs / 4));
    this.timer = setInterval(() => void this.beat(), every);
    this.timer.unref();
    void this.beat();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.beating;
    await this.nodes.delete(this.nodeId).catch(() => undefined);
  }

  /** One statement: my heartbeat; dead nodes removed and their job locks released. */
  beat(): Promise<void> {
    if (this.beating) return this.beating;
    this.beating = this.beatOnce().finally(() => (this.beating = undefined));
    return this.beating;
  }

  private async beatOnce(): Promise<void> {
    const released = this.stoppedPoolIds;
    const running = this.runningJobIds();
    const sentAt = this.clock.nodeNow();
    try {
      const heartbeat = await this.nodes.beat({
        nodeId: this.nodeId,
        workerPoolIds: this.currentPoolId ? [this.currentPoolId] : [],
        deadAfterMs: this.config.nodeDeadAfterMs,
        releasedPoolIds: released,
        runningJobIds: running,
      });
      this.stoppedPoolIds = this.stoppedPoolIds.filter((id) => !released.includes(id));
      if (heartbeat) {
        this.clock.observe(heartbeat.databaseNow, sentAt, this.clock.nodeNow());
        if (heartbeat.deadNodes > 0) this.log.warn(`released the jobs of ${heartbeat.deadNodes} engine node(s) whose heartbeat stopped`);
        if (heartbeat.orphanedLocks > 0)
          this.log.warn(`released ${heartbeat.orphanedLocks} job lock(s) of this node that no worker was running (lost in a connection failure)`);
      }
    } catch (error) {
      // The database may be restarting: the next beat tries again.
      this.log.warn(`heartbeat failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
