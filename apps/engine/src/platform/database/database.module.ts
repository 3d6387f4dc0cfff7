import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { DatabaseClock } from './database-clock.js';
import { guardPoolClients, isDatabaseUnavailable } from './database-unavailable.js';
import { findMigrations } from './find-migrations.js';
import { runMigrations } from './migrate.js';
import { Transactions } from './transactions.js';

const databaseLog = new Logger('Database');

/**
 * The one PostgreSQL data source, migrated before anything else runs. Global: every repository
 * needs it, as every module needs the config; so does Transactions, for services that write
 * through several repositories at once. The schema comes from the migrations alone, found by
 * folder (find-migrations.ts). Repositories use parameterised SQL on it; there are no entity
 * classes (docs/development.md, "Data access: one repository per table").
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string, poolSize: number): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => ({
            ...dataSourceOptions(databaseUrl, poolSize, await findMigrations()),
            // A node started while the database restarts or fails over waits for it (up to a minute);
            // any other error (a failed migration) ends the start at once.
            retryAttempts: 60,
            retryDelay: 1000,
            toRetry: (error: unknown) => isDatabaseUnavailable(error),
          }),
          dataSourceFactory: async (options?: DataSourceOptions) => {
            if (!options) throw new Error('no data source options');
            const dataSource = await new DataSource(options).initialize();
            guardPoolClients((dataSource.driver as unknown as { master: Parameters<typeof guardPoolClients>[0] }).master, (message) =>
              databaseLog.warn(message),
            );
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [DatabaseClock, Transactions],
      exports: [DatabaseClock, Transactions],
    };
  }
}
