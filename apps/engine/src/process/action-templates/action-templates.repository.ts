// `action_templates`: written by deployments (in their transaction, VersionStore), read by the
// API and by the action runs (the latest version of a key).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { Paging } from '../../platform/http/input.js';
import type { Queryable } from '../../platform/database/queryable.js';
import type { LatestVersion, VersionInsert, VersionStore } from '../deployments/versioned-resources.js';
import { versionPage, type VersionFilter } from '../deployments/version-page.js';
import type { ActionTemplateRow } from './action-template.row.js';

const VIEW_COLUMNS = 'id, key, version, name, action_type, resource_name, deployment_id, content_hash, created_at';

@Injectable()
export class ActionTemplatesRepository implements VersionStore {
  constructor(private readonly dataSource: DataSource) {}

  /** By key, newest version first, with the number of all that match; `latest`: only each key's latest version. */
  async page(filter: VersionFilter, paging: Paging): Promise<{ rows: Omit<ActionTemplateRow, 'content'>[]; total: number }> {
    return versionPage(this.dataSource, 'action_templates', VIEW_COLUMNS, filter, paging);
  }

  async byId(id: string): Promise<ActionTemplateRow | undefined> {
    return rowsOf<ActionTemplateRow>(await this.dataSource.query(`SELECT ${VIEW_COLUMNS}, content FROM action_templates WHERE id = $1`, [id]))[0];
  }

  /** Which version of `key` is the latest (without its document). */
  async latestRef(key: string): Promise<Pick<ActionTemplateRow, 'id' | 'version'> | undefined> {
    return rowsOf<Pick<ActionTemplateRow, 'id' | 'version'>>(
      await this.dataSource.query('SELECT id, version FROM action_templates WHERE key = $1 ORDER BY version DESC LIMIT 1', [key]),
    )[0];
  }

  async content(id: string): Promise<ActionTemplateRow['content'] | undefined> {
    return rowsOf<Pick<ActionTemplateRow, 'content'>>(await this.dataSource.query('SELECT content FROM action_templates WHERE id = $1', [id]))[0]?.content;
  }

  /** The keys of `keys` that have a deployed version. */
  async deployedKeys(keys: readonly string[], db: Queryable = this.dataSource): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = rowsOf<{ key: string }>(await db.query('SELECT DISTINCT key FROM action_templates WHERE key = ANY($1::text[])', [keys]));
    return new Set(rows.map((row) => row.key));
  }

  async latestVersion(key: string, tx: Queryable): Promise<LatestVersion | undefined> {
    return rowsOf<LatestVersion>(
      await tx.query('SELECT id, version, name, content_hash, deployment_id FROM action_templates WHERE key = $1 ORDER BY version DESC LIMIT 1', [key]),
    )[0];
  }

  async insertVersion(insert: VersionInsert, deploymentId: string, tx: Queryable): Promise<void> {
    const { item } = insert;
    await tx.query(
      `INSERT INTO action_templates (id, key, version, name, action_type, resource_name, content, content_hash, deployment_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [insert.id, insert.key, insert.version, insert.name, item.actionType, item.resource, item.content, item.contentHash, deploymentId],
    );
  }
}
