// A throw-away embedded PostgreSQL for parts (b) and (c): the very server the engine's embedded
// mode runs (@stageflow/postgres-server: same package, binaries and flags), in a temporary
// folder on a free loopback port. The engine gets it as DATABASE_URL, so the HTTP run and the
// ceiling run hit the same server; .stageflow/ is never touched.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postmasterPid, startPostgresServer, type PostgresServer } from '@stageflow/postgres-server';
import { processWithChildren } from '../stats/cpu-meter.js';

export interface BenchPostgres {
  /** postgres://… of a database for the engine. */
  engineUrl: string;
  /** postgres://… of a separate database for the ceiling's scratch table. */
  scratchUrl: string;
  /** postgres://… of database `name`, created when missing (the CRM scale part's own). */
  database(name: string): Promise<string>;
  /** `SHOW server_version`. */
  version: string;
  /** The postmaster and its backends right now (for CPU accounting). */
  processIds(): number[];
  stop(): Promise<void>;
}

const dirPrefix = 'stageflow-bench-';

/**
 * Removes temp folders of earlier runs that were killed before they could clean up:
 * older than a minute, no live server.
 */
async function sweepStaleRuns(): Promise<void> {
  const entries = await readdir(tmpdir()).catch(() => [] as string[]);
  for (const entry of entries.filter((name) => name.startsWith(dirPrefix))) {
    const path = join(tmpdir(), entry);
    const info = await stat(path).catch(() => undefined);
    if (!info || Date.now() - info.mtimeMs < 60_000 || postmasterPid(join(path, 'pg')) !== undefined) continue;
    await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0].server_version;
  } finally {
    await client.end();
  }
}

export async function startBenchPostgres(log: (line: string) => void): Promise<BenchPostgres> {
  await sweepStaleRuns();
  const root = await mkdtemp(join(tmpdir(), dirPrefix));
  let server: PostgresServer;
  try {
    server = await startPostgresServer({ dataDir: join(root, 'pg'), password: 'bench', log: (line) => log(`bench ${line}`) });
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  log(`embedded PostgreSQL in ${root} on 127.0.0.1:${server.port}`);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await server.stop();
    await rm(root, { recursive: true, force: true });
  };
  try {
    await server.ensureDatabase('bench_engine');
    await server.ensureDatabase('bench_ceiling');
    const version = await serverVersion(server.url('postgres'));
    return {
      engineUrl: server.url('bench_engine'),
      scratchUrl: server.url('bench_ceiling'),
      version,
      async database(name) {
        await server.ensureDatabase(name);
        return server.url(name);
      },
      processIds() {
        const pid = server.postmasterPid();
        return pid === undefined ? [] : processWithChildren(pid);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
