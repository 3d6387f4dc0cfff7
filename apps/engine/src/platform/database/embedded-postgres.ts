// The embedded PostgreSQL used when no DATABASE_URL is given: a cluster under <dataDir>/pg that
// survives restarts, on a port picked free at each start (see @stageflow/postgres-server).
import { startPostgresServer } from '@stageflow/postgres-server';

export interface EmbeddedPostgresHandle {
  databaseUrl: string;
  /**
   * Stops the server once its clients have gone: a smart shutdown lets the sessions of pools
   * that were just closed end normally (pg's pool.end() resolves before its sockets have
   * closed); one still open after STOP_GRACE_MS is terminated.
   */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 5000;

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (created and initialised when missing). */
  pgDir: string;
  database: string;
  log?: (message: string) => void;
  /** Own process group: a Ctrl-C at the terminal reaches the engine only, which stops the server last. */
  detached?: boolean;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const server = await startPostgresServer({ dataDir: options.pgDir, password: 'stageflow', log: options.log, detached: options.detached ?? false });
  try {
    await server.ensureDatabase(options.database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  options.log?.(`embedded PostgreSQL listening on 127.0.0.1:${server.port}`);
  return { databaseUrl: server.url(options.database), stop: () => server.stop({ graceMs: STOP_GRACE_MS }) };
}
