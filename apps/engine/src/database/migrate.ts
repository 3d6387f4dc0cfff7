import { Logger, runMigrations as runJobQueueMigrations } from 'graphile-worker';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { JOB_SCHEMA } from '../jobs/job-sql.js';

/** graphile-worker's migration chatter is not the operator's business; errors still throw. */
const quietLogger = new Logger(() => () => undefined);

/**
 * Runs pending migrations — ours, then graphile-worker's (its schema holds the jobs that
 * commands write in their statements) — while holding a PostgreSQL advisory lock, so several
 * engine nodes starting at once against one database migrate it exactly once.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('stageflow.migrations'))`);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      const pgPool = (dataSource.driver as unknown as { master: Pool }).master;
      await runJobQueueMigrations({ pgPool, schema: JOB_SCHEMA, logger: quietLogger });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('stageflow.migrations'))`);
    }
  } finally {
    await runner.release();
  }
}
