// The embedded PostgreSQL used when no DATABASE_URL is given: a cluster under <dataDir>/pg that
// survives restarts, on a port picked free at each start (see @stageflow/postgres-server).
import { startPostgresServer } from '@stageflow/postgres-server';

export interface EmbeddedPostgresHandle {
  databaseUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (created and initialised when missing). */
  pgDir: string;
  database: string;
  log?: (message: string) => void;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const server = await startPostgresServer({ dataDir: options.pgDir, password: 'stageflow', log: options.log });
  try {
    await server.ensureDatabase(options.database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  options.log?.(`embedded PostgreSQL listening on 127.0.0.1:${server.port}`);
  return { databaseUrl: server.url(options.database), stop: () => server.stop() };
}
