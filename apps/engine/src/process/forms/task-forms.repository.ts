// `task_forms`: written by deployments (in their transaction, VersionStore), read by the API, the
// task view and task completion (the latest version of a key).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { Queryable } from '../../platform/database/queryable.js';
import type { LatestVersion, VersionInsert, VersionStore } from '../deployments/versioned-resources.js';
import type { TaskFormRow } from './task-form.row.js';

@Injectable()
export class TaskFormsRepository implements VersionStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest version of `key` with its document. */
  async latest(key: string): Promise<TaskFormRow | undefined> {
    return rowsOf<TaskFormRow>(
      await this.dataSource.query(
        'SELECT id, key, version, name, resource_name, content, content_hash, deployment_id, created_at FROM task_forms WHERE key = $1 ORDER BY version DESC LIMIT 1',
        [key],
      ),
    )[0];
  }

  /** The latest version of every key, by key, without the documents. */
  async latestOfEachKey(): Promise<Omit<TaskFormRow, 'content'>[]> {
    return rowsOf<Omit<TaskFormRow, 'content'>>(
      await this.dataSource.query(
        'SELECT DISTINCT ON (key) id, key, version, name, resource_name, content_hash, deployment_id, created_at FROM task_forms ORDER BY key, version DESC',
      ),
    );
  }

  /** Which version of `key` is the latest (without its document). */
  async latestRef(key: string): Promise<Pick<TaskFormRow, 'id' | 'version'> | undefined> {
    return rowsOf<Pick<TaskFormRow, 'id' | 'version'>>(
      await this.dataSource.query('SELECT id, version FROM task_forms WHERE key = $1 ORDER BY version DESC LIMIT 1', [key]),
    )[0];
  }

  async content(id: string): Promise<TaskFormRow['content'] | undefined> {
    return rowsOf<Pick<TaskFormRow, 'content'>>(await this.dataSource.query('SELECT content FROM task_forms WHERE id = $1', [id]))[0]?.content;
  }

  /** The keys of `keys` that have a deployed version. */
  async deployedKeys(keys: readonly string[], db: Queryable = this.dataSource): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = rowsOf<{ key: string }>(await db.query('SELECT DISTINCT key FROM task_forms WHERE key = ANY($1::text[])', [keys]));
    return new Set(rows.map((row) => row.key));
  }

  async latestVersion(key: string, tx: Queryable): Promise<LatestVersion | undefined> {
    return rowsOf<LatestVersion>(
      await tx.query('SELECT id, version, name, content_hash, deployment_id FROM task_forms WHERE key = $1 ORDER BY version DESC LIMIT 1', [key]),
    )[0];
  }

  async insertVersion(insert: VersionInsert, deploymentId: string, tx: Queryable): Promise<void> {
    const { item } = insert;
    await tx.query(
      'INSERT INTO task_forms (id, key, version, name, resource_name, content, content_hash, deployment_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [insert.id, insert.key, insert.version, insert.name, item.resource, item.content, item.contentHash, deploymentId],
    );
  }
}
