import { Logger as NestLogger } from '@nestjs/common';
import { Logger, runMigrations as runJobQueueMigrations } from 'graphile-worker';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { JOB_SCHEMA } from '../jobs/job-sql.js';
import { installQuietJobFunctions } from '../jobs/quiet-job-functions.js';

/** graphile-worker's migration chatter is not the operator's business; errors still throw. */
const quietLogger = new Logger(() => () => undefined);

/**
 * Runs pending migrations — ours, then graphile-worker's (its schema holds the jobs that
 * commands write in their statements), then derives the quiet job functions from graphile-worker's
 * (jobs/quiet-job-functions.ts) — while holding a PostgreSQL advisory lock, so several
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
      // Derived from graphile-worker's functions as installed, so after its migrations.
      const fellBack = await installQuietJobFunctions(runner, JOB_SCHEMA);
      if (fellBack.length > 0) {
        new NestLogger('Jobs').warn(
          `${fellBack.join(', ')} no longer has exactly one NOTIFY to leave out: jobs due later and removals notify as well (slower commits, nothing lost)`,
        );
      }
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('stageflow.migrations'))`);
    }
  } finally {
    await runner.release();
  }
}
