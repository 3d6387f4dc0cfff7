// graphile-worker 0.17 vs pg-boss 10 on Stageflow's workload, measured side by side on one
// PostgreSQL, interleaved round by round (the machine is shared; figures are relative):
// - enqueue: a "command" writes one row and adds one job in the same transaction, 8 clients.
//   graphile-worker: ONE statement (UPDATE + add_jobs in a CTE), as the engine does.
//   pg-boss: BEGIN; UPDATE; send(..., {db}); COMMIT (its API cannot join our statement).
// - drain: 2 workers ("nodes"), a no-op handler: jobs/s. graphile-worker: concurrency 4 each;
//   pg-boss: 4 work() loops each, batches of 25 (see below why).
// - lateness: jobs due 1-3 s ahead, workers idle and waiting: handler start minus due time.
//   Both poll at 500 ms for this (pg-boss's minimum; the engine runs graphile-worker at 250 ms).
import { EventEmitter } from 'node:events';
import { Logger, run, runMigrations, type Runner, type WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { summarize, type LatencySummary } from '../stats/percentiles.js';

export interface QueueFigures {
  library: string;
  enqueuePerSecond: number;
  roundTripsPerEnqueue: number;
  drainPerSecond: number;
  lateness: LatencySummary;
}

export interface QueueCompareOptions {
  graphileUrl: string;
  pgbossUrl: string;
  rounds: number;
  enqueueJobs: number;
  latenessJobs: number;
  log: (line: string) => void;
}

const QUEUE = 'bench';
const CLIENTS = 8;
const quiet = new Logger(() => () => undefined);

async function parallel(clients: number, total: number, one: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        await one(i);
      }
    }),
  );
  return (total * 1000) / (performance.now() - started);
}

async function prepareRows(pool: pg.Pool): Promise<void> {
  await pool.query('CREATE TABLE IF NOT EXISTS bench_rows (id int PRIMARY KEY, v int NOT NULL)');
  await pool.query('INSERT INTO bench_rows SELECT g, 0 FROM generate_series(1, 1000) g ON CONFLICT DO NOTHING');
}

interface Contender {
  name: string;
  roundTrips: number;
  setup(): Promise<void>;
  enqueue(i: number, runAt?: Date): Promise<void>;
  /** Starts 2 workers calling `seen(job data, now)` per job. */
  startWorkers(pollMs: number, seen: (data: { i: number; due?: string }) => void): Promise<() => Promise<void>>;
  pending(): Promise<number>;
  close(): Promise<void>;
}

function graphileContender(url: string): Contender {
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS + 12 });
  pool.on('error', () => undefined);
  return {
    name: 'graphile-worker 0.17.3',
    roundTrips: 1,
    async setup() {
      await runMigrations({ pgPool: pool, logger: quiet });
      await prepareRows(pool);
    },
    async enqueue(i, runAt) {
      await pool.query(
        `WITH w AS (UPDATE bench_rows SET v = v + 1 WHERE id = $1 RETURNING id),
              j AS (SELECT graphile_worker.add_jobs(ARRAY[ROW($2::text, $3::json, NULL, COALESCE($4::timestamptz, now()), 5, NULL, NULL, NULL)::graphile_worker.job_spec]) WHERE EXISTS (SELECT 1 FROM w))
         SELECT (SELECT count(*) FROM j)`,
        [(i % 1000) + 1, QUEUE, JSON.stringify({ i, due: runAt?.toISOString() }), runAt?.toISOString() ?? null],
      );
    },
    async startWorkers(pollMs, seen) {
      const runners: Runner[] = [];
      for (let n = 0; n < 2; n++) {
        runners.push(
          await run({
            pgPool: pool,
            concurrency: 4,
            pollInterval: pollMs,
            noHandleSignals: true,
            logger: quiet,
            events: new EventEmitter() as WorkerEvents,
            taskList: { [QUEUE]: async (payload) => seen(payload as { i: number; due?: string }) },
          }),
        );
      }
      return async () => {
        await Promise.all(runners.map((runner) => runner.stop()));
      };
    },
    async pending() {
      const result = await pool.query<{ n: string }>('SELECT count(*) AS n FROM graphile_worker._private_jobs');
      return Number(result.rows[0]?.n);
    },
    close: () => pool.end(),
  };
}

function pgbossContender(url: string): Contender {
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS + 2 });
  const bosses: PgBoss[] = [];
  const producer = new PgBoss({ connectionString: url, max: 4, supervise: false, schedule: false });
  return {
    name: 'pg-boss 10.4.2',
    roundTrips: 4,
    async setup() {
      await producer.start();
      await producer.createQueue(QUEUE).catch(() => undefined);
      await prepareRows(pool);
    },
    async enqueue(i, runAt) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('UPDATE bench_rows SET v = v + 1 WHERE id = $1', [(i % 1000) + 1]);
        await producer.send(QUEUE, { i, due: runAt?.toISOString() }, { startAfter: runAt, db: { executeSql: (text, values) => client.query(text, values) } });
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async startWorkers(pollMs, seen) {
      const workers: PgBoss[] = [];
      for (let n = 0; n < 2; n++) {
        const boss = new PgBoss({ connectionString: url, max: 6, supervise: false, schedule: false, migrate: false });
        await boss.start();
        // pg-boss 10 has no per-worker concurrency, and a work() loop waits its polling interval
        // after every fetch, even a full one: with one job per fetch, 4 loops x 2 nodes drain
        // 16 jobs/s at 500 ms. So each node runs 4 loops of batches of 25 (handled together).
        for (let k = 0; k < 4; k++) {
          await boss.work<{ i: number; due?: string }>(QUEUE, { pollingIntervalSeconds: pollMs / 1000, batchSize: 25 }, async (jobs) => {
            await Promise.all(jobs.map(async (job) => seen(job.data)));
          });
        }
        workers.push(boss);
        bosses.push(boss);
      }
      return async () => {
        await Promise.all(workers.map((boss) => boss.stop({ graceful: true, wait: true, timeout: 5000 })));
      };
    },
    async pending() {
      const result = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`);
      return Number(result.rows[0]?.n);
    },
    async close() {
      await producer.stop({ graceful: false, wait: true, timeout: 2000 }).catch(() => undefined);
      await pool.end();
    },
  };
}

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

export async function compareQueues(options: QueueCompareOptions): Promise<QueueFigures[]> {
  const contenders = [graphileContender(options.graphileUrl), pgbossContender(options.pgbossUrl)];
  for (const contender of contenders) await contender.setup();
  const samples = new Map<string, { enqueue: number[]; drain: number[]; lateness: number[] }>();
  for (const contender of contenders) samples.set(contender.name, { enqueue: [], drain: [], lateness: [] });
  try {
    for (let round = 1; round <= options.rounds; round++) {
      // Alternate who goes first, so neither always gets the quieter moment.
      const order = round % 2 === 1 ? contenders : [...contenders].reverse();
      for (const contender of order) {
        const s = samples.get(contender.name);
        if (!s) continue;
        const enqueue = await parallel(CLIENTS, options.enqueueJobs, (i) => contender.enqueue(i));
        s.enqueue.push(enqueue);
        let done = 0;
        const started = performance.now();
        const stop = await contender.startWorkers(500, () => done++);
        await waitUntil(() => done >= options.enqueueJobs, 300_000);
        const drain = (options.enqueueJobs * 1000) / (performance.now() - started);
        s.drain.push(drain);
        // Lateness: workers are idle now; jobs due 1-3 s from now.
        let late = 0;
        const lateness: number[] = [];
        const seenAt = (data: { due?: string }): void => {
          if (data.due) lateness.push(Date.now() - Date.parse(data.due));
          late++;
        };
        await stop();
        const stopTimed = await contender.startWorkers(500, seenAt);
        const base = Date.now() + 1500;
        await parallel(CLIENTS, options.latenessJobs, (i) => contender.enqueue(i, new Date(base + Math.floor((2000 * i) / options.latenessJobs))));
        await waitUntil(() => late >= options.latenessJobs, 60_000);
        await stopTimed();
        s.lateness.push(...lateness);
        options.log(
          `round ${round} ${contender.name}: enqueue ${enqueue.toFixed(0)}/s, drain ${drain.toFixed(0)}/s, lateness p50 ${summarize(lateness).p50.toFixed(0)} ms p99 ${summarize(lateness).p99.toFixed(0)} ms (pending ${await contender.pending()})`,
        );
      }
    }
  } finally {
    for (const contender of contenders) await contender.close().catch(() => undefined);
  }
  const median = (values: number[]): number => summarize(values).p50;
  return contenders.map((contender) => {
    const s = samples.get(contender.name) ?? { enqueue: [], drain: [], lateness: [] };
    return {
      library: contender.name,
      enqueuePerSecond: median(s.enqueue),
      roundTripsPerEnqueue: contender.roundTrips,
      drainPerSecond: median(s.drain),
      lateness: summarize(s.lateness),
    };
  });
}
