// Runs the engine's outbox services in the test process, the way an action does: on a pg
// connection inside a transaction that commits (or rolls back) around them.
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { loadEngineConfig } from '../../src/platform/config/engine-config.js';
import { EmailOutboxService } from '../../src/platform/outbound/email/email-outbox.service.js';
import { WebhookOutboxService } from '../../src/platform/outbound/webhooks/webhook-outbox.service.js';
import { REPO_ROOT } from './engine-process.js';

export interface OutboxClient {
  email: EmailOutboxService;
  webhook: WebhookOutboxService;
  /** BEGIN, `work` on the connection, COMMIT (or ROLLBACK when it throws or `rollback` is set). */
  inTransaction<T>(work: (tx: pg.PoolClient) => Promise<T>, options?: { rollback?: boolean }): Promise<T>;
  /** The same through TypeORM: `dataSource.transaction(manager => work(manager))`, as the action runners do. */
  inTypeOrmTransaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `env`: the engine's environment (the services take their job attempts from it, as the engine does). */
export function outboxClient(databaseUrl: string, env: Record<string, string>): OutboxClient {
  const config = loadEngineConfig(env, REPO_ROOT);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  let dataSource: DataSource | undefined;
  return {
    email: new EmailOutboxService(config),
    webhook: new WebhookOutboxService(config),
    async inTransaction(work, options = {}) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query(options.rollback ? 'ROLLBACK' : 'COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async inTypeOrmTransaction(work) {
      dataSource ??= await new DataSource({ type: 'postgres', url: databaseUrl, entities: [], extra: { max: 1 } }).initialize();
      return dataSource.transaction((manager) => work(manager));
    },
    async close() {
      await dataSource?.destroy();
      await pool.end();
    },
  };
}
