// Jest globalSetup of the `api` project: one embedded PostgreSQL for the whole run, unless
// TEST_DATABASE_URL names a server to use instead. Jest loads this file outside the ESM test
// environment (no module mapping), so it imports nothing relative: it loads the BUILT engine's
// embedded-postgres module (a wrapper of @stageflow/postgres-server), which the API tests need built anyway.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface EmbeddedModule {
  startEmbeddedPostgres(options: { pgDir: string; database: string }): Promise<{ databaseUrl: string; stop(): Promise<void> }>;
}

interface SharedServer {
  adminUrl: string;
  stop(): Promise<void>;
}

declare global {
  var __stageflowTestPostgres: SharedServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const modulePath = resolve(process.cwd(), 'apps/engine/dist/platform/database/embedded-postgres.js');
  if (!existsSync(modulePath)) throw new Error(`${modulePath} is missing: build first (npm run build)`);
  const { startEmbeddedPostgres } = (await import(modulePath)) as EmbeddedModule;
  const dir = await mkdtemp(join(tmpdir(), 'stageflow-test-pg-'));
  const handle = await startEmbeddedPostgres({ pgDir: join(dir, 'pg'), database: 'postgres' });
  globalThis.__stageflowTestPostgres = {
    adminUrl: handle.databaseUrl,
    async stop() {
      await handle.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  // Read by postgres-server.ts in the test files (SHARED_SERVER_ENV).
  process.env.STAGEFLOW_TEST_PG_URL = handle.databaseUrl;
}
