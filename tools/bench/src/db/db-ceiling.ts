// Part (c): the ceiling of the PostgreSQL server for the smallest transaction a command needs:
// BEGIN; INSERT one row; UPDATE it; COMMIT — from N concurrent clients of a pg Pool.
import pg from 'pg';
import { CpuMeter, type CpuUsage } from '../stats/cpu-meter.js';
import { summarize, type LatencySummary } from '../stats/percentiles.js';

export interface CeilingOptions {
  url: string;
  clients: number;
  warmupSeconds: number;
  seconds: number;
  /** Hard cap on measured transactions. */
  maxTransactions: number;
  log: (line: string) => void;
  /** Processes whose CPU use to report (PostgreSQL). */
  watchProcesses: () => Record<string, number[]>;
}

export interface CeilingResult {
  clients: number;
  transactions: number;
  elapsedMs: number;
  transactionsPerSecond: number;
  latencyMs: LatencySummary;
  /** CPU during the measurement (bench = the pg client side). */
  cpu: CpuUsage;
}

const createTable = `
  CREATE TABLE IF NOT EXISTS bench_ceiling_rows (
    id bigserial PRIMARY KEY,
    state jsonb NOT NULL,
    version integer NOT NULL DEFAULT 0
  )`;

const rowState = JSON.stringify({ status: 'active', variables: { company: 'Acme Industrial GmbH', budget: 25000 } });

async function oneTransaction(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const inserted = await client.query<{ id: string }>('INSERT INTO bench_ceiling_rows (state) VALUES ($1) RETURNING id', [rowState]);
    await client.query('UPDATE bench_ceiling_rows SET version = version + 1 WHERE id = $1', [inserted.rows[0].id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function runClients(pool: pg.Pool, clients: number, seconds: number, cap: number, latencies: number[] | undefined): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline && done < cap) {
      const startedAt = performance.now();
      await oneTransaction(pool);
      latencies?.push(performance.now() - startedAt);
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  return done;
}

export async function measureDbCeiling(options: CeilingOptions): Promise<CeilingResult> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.clients });
  // An idle client that loses its connection must not crash the run; a query in flight still fails.
  pool.on('error', (error) => options.log(`(c) idle PostgreSQL client: ${error.message}`));
  try {
    await pool.query(createTable);
    await runClients(pool, options.clients, options.warmupSeconds, Number.MAX_SAFE_INTEGER, undefined);
    const latencies: number[] = [];
    const cpu = new CpuMeter(options.watchProcesses());
    const startedAt = performance.now();
    const transactions = await runClients(pool, options.clients, options.seconds, options.maxTransactions, latencies);
    const elapsedMs = performance.now() - startedAt;
    const cpuUsage = cpu.read();
    await pool.query('DROP TABLE bench_ceiling_rows');
    return {
      clients: options.clients,
      transactions,
      elapsedMs,
      transactionsPerSecond: transactions / (elapsedMs / 1000),
      latencyMs: summarize(latencies),
      cpu: cpuUsage,
    };
  } finally {
    await pool.end();
  }
}
