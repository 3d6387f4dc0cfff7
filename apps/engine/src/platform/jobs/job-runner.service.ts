// Works jobs on this node with graphile-worker: LISTEN/NOTIFY wakes a worker when a job is
// added, a poll (its pollInterval) finds jobs that became due, and SKIP LOCKED hands each job to
// exactly one worker of all nodes. Run times and lock times are the database's `now()`.
//
// What graphile-worker does not do for us:
// - a job whose handler keeps failing until its attempts run out becomes an incident (with the
//   error and the job, so POST /incidents/{id}/retry can queue it again);
// - a node killed mid-job leaves its jobs locked; graphile-worker would only release them
//   after 4 hours. NodeRegistry notices a dead node by its stale heartbeat and unlocks them.
// - if the runner stops because the database went away, it is started again.
import { EventEmitter } from 'node:events';
import { Inject, Injectable, Logger as NestLogger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Logger, run, type Job, type JobHelpers, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { guardPoolClients } from '../database/database-unavailable.js';
import { ENGINE_CONFIG, type EngineConfig } from '../config/engine-config.js';
import { JobHandlerRegistry, type JobContext } from './job-handler-registry.js';
import type { JobPayload } from './job-request.js';
import { JOB_SCHEMA } from './job-sql.js';
import { NodeRegistry } from './node-registry.js';
import { PermanentJobFailure } from './permanent-job-failure.js';
import { loggableError, withoutQuotedValues } from '../errors/loggable-error.js';

const RESTART_DELAY_MS = 1000;

@Injectable()
export class JobRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new NestLogger('Jobs');
  private runner?: Runner;
  private pool?: pg.Pool;
  private stopping = false;
  private stopped?: Promise<void>;
  private restartTimer?: NodeJS.Timeout;
  /** Jobs a handler of this node runs now: their locks are not orphaned (see NodeRegistry). */
  private readonly running = new Set<string>();

  constructor(
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
    private readonly dataSource: DataSource,
    private readonly registry: JobHandlerRegistry,
    private readonly nodes: NodeRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // graphile-worker's own connections: its LISTEN connection and its workers' never wait
    // behind the API's queries, nor the API behind them.
    const url = (this.dataSource.options as { url?: string }).url;
    this.pool = new pg.Pool({ connectionString: url, max: this.config.jobConcurrency + 2, application_name: 'stageflow-jobs' });
    // An idle client losing its server (database restart) must not crash the node.
    this.pool.on('error', (error) => this.log.warn(`job connection lost: ${error.message}`));
    guardPoolClients(this.pool, (message) => this.log.warn(message));
    await this.start();
    this.nodes.start(() => [...this.running]);
  }

  /**
   * Stops working jobs: no new ones are taken, graphile-worker lets the running ones finish (or
   * releases them), then its connections close. The engine's shutdown calls this after the HTTP
   * server has stopped and before anything jobs need (interpreter workers, the database pool)
   * goes away; a second call waits for the first.
   */
  stop(): Promise<void> {
    this.stopped ??= this.stopWorking();
    return this.stopped;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private async stopWorking(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    // The heartbeat goes on while running jobs finish (graphile-worker waits up to its
    // gracefulShutdownAbortTimeout, then releases them): this node is alive until they have.
    await this.runner?.stop().catch(() => undefined);
    await this.nodes.stop();
    await this.pool?.end().catch(() => undefined);
  }

  private async start(): Promise<void> {
    const events: WorkerEvents = new EventEmitter() as WorkerEvents;
    events.on('pool:create', ({ workerPool }) => this.nodes.adoptWorkerPool(workerPool.id));
    try {
      this.runner = await run({
        pgPool: this.pool,
        schema: JOB_SCHEMA,
        taskList: this.taskList(),
        concurrency: this.config.jobConcurrency,
        pollInterval: this.config.jobPollIntervalMs,
        noHandleSignals: true,
        // Due times and lock expiry by the database clock (graphile-worker's default, said aloud).
        useNodeTime: false,
        // Batched completion (even with no delay) hands a failed completeJobs/failJobs (the
        // database went away for longer than its retries) to graphile-worker's error handler,
        // which shuts the worker pool down and we start a new one. Unbatched, 0.17.3 leaves
        // that promise unawaited and the rejection would end the node.
        preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
        logger: this.logger(),
        events,
      });
    } catch (error) {
      this.scheduleRestart(error);
      return;
    }
    this.runner.promise.then(
      () => this.scheduleRestart(new Error('the job runner stopped')),
      (error: unknown) => this.scheduleRestart(error),
    );
  }

  private scheduleRestart(error: unknown): void {
    if (this.stopping) return;
    this.log.warn(`job runner stopped (${error instanceof Error ? error.message : String(error)}); restarting in ${RESTART_DELAY_MS} ms`);
    this.runner = undefined;
    this.restartTimer = setTimeout(() => void this.start(), RESTART_DELAY_MS);
  }

  private taskList(): TaskList {
    const list: TaskList = {};
    for (const task of this.registry.tasks()) {
      list[task] = (payload: unknown, helpers: JobHelpers) => this.work(task, payload as JobPayload, helpers.job);
    }
    return list;
  }

  /** Runs the handler; on the last attempt (or a PermanentJobFailure), a failure becomes an incident and the job ends. */
  private async work(task: string, payload: JobPayload, job: Job): Promise<void> {
    const handler = this.registry.get(task);
    if (!handler) throw new Error(`no handler for job task ${task}`);
    const context: JobContext = { jobId: String(job.id), attempt: job.attempts, maxAttempts: job.max_attempts, key: job.key };
    this.running.add(context.jobId);
    try {
      await handler(payload, context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof PermanentJobFailure;
      if (job.attempts < job.max_attempts && !permanent) throw error;
      this.log.warn(
        `job ${job.id} (${task}) failed ${permanent ? 'for good' : 'its last attempt'} (${job.attempts}/${job.max_attempts}): ${loggableError(error)}`,
      );
      // Recorded, the job is done: the incident carries it for a retry. If even that fails, the
      // job stays in graphile-worker's table as permanently failed, with its error.
      await this.registry.recordFailure({ jobId: String(job.id), attempt: job.attempts, task, payload, key: job.key, maxAttempts: job.max_attempts, message });
    } finally {
      this.running.delete(context.jobId);
    }
  }

  private logger(): Logger {
    return new Logger(() => (level, message) => {
      if (level === 'error' || level === 'warning') this.log.warn(withoutQuotedValues(message));
      else this.log.debug(message);
    });
  }
}
