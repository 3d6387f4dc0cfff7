import type { DataSourceOptions } from 'typeorm';
import { DatabaseLogger } from './database-logger.js';

/**
 * PostgreSQL through TypeORM; the schema comes from migrations only, never `synchronize`.
 * Entities are added by the modules that own them (DatabaseModule's autoLoadEntities).
 */
export function dataSourceOptions(databaseUrl: string, poolSize: number, migrations: NonNullable<DataSourceOptions['migrations']>): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations,
    migrationsRun: false, // run by runMigrations() under an advisory lock, see migrate.ts
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    logger: new DatabaseLogger(),
    extra: { max: poolSize, application_name: 'stageflow-engine' },
  };
}
