// The PostgreSQL server the API tests run against: TEST_DATABASE_URL when set (CI points it at
// a system server), else one embedded server for the whole run, started by global-setup.ts (or,
// when the run has no global setup, by the first suite that asks, for that suite only).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../src/platform/database/embedded-postgres.js';

/** Set by global-setup.ts for the test files: an admin URL of the shared embedded server. */
export const SHARED_SERVER_ENV = 'STAGEFLOW_TEST_PG_URL';

export interface TestPostgresServer {
  /** URL of a maintenance database with the right to CREATE DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

export async function startTestPostgres(): Promise<TestPostgresServer> {
  const dir = await mkdtemp(join(tmpdir(), 'stageflow-test-pg-'));
  let handle: EmbeddedPostgresHandle;
  try {
    handle = await startEmbeddedPostgres({ pgDir: join(dir, 'pg'), database: 'postgres' });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    adminUrl: handle.databaseUrl,
    async stop() {
      await handle.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The server this suite uses; `owned` tells whether the suite must stop it. */
export async function acquireTestPostgres(): Promise<{ adminUrl: string; owned?: TestPostgresServer }> {
  const external = process.env.TEST_DATABASE_URL || process.env[SHARED_SERVER_ENV];
  if (external) return { adminUrl: external };
  const owned = await startTestPostgres();
  return { adminUrl: owned.adminUrl, owned };
}
