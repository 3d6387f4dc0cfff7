import type { DataSource } from 'typeorm';

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so several engine nodes
 * starting at once against one database migrate it exactly once.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('stageflow.migrations'))`);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('stageflow.migrations'))`);
    }
  } finally {
    await runner.release();
  }
}
