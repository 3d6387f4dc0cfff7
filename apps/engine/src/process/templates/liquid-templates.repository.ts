// `liquid_templates`: written by deployments (in their transaction, VersionStore), read as the
// latest version of every key by the renderer.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { Queryable } from '../../platform/database/queryable.js';
import type { LatestVersion, VersionInsert, VersionStore } from '../deployments/versioned-resources.js';
import type { LiquidTemplateRow } from './liquid-template.row.js';

@Injectable()
export class LiquidTemplatesRepository implements VersionStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The ids of the latest version of every key, on `db`. */
  async latestIds(db: Queryable = this.dataSource): Promise<string[]> {
    return rowsOf<{ id: string }>(await db.query('SELECT DISTINCT ON (key) id FROM liquid_templates ORDER BY key, version DESC')).map((row) => row.id);
  }

  /** The keys and texts of these versions, on `db`. */
  async contents(ids: readonly string[], db: Queryable = this.dataSource): Promise<Pick<LiquidTemplateRow, 'key' | 'content'>[]> {
    return rowsOf<Pick<LiquidTemplateRow, 'key' | 'content'>>(await db.query('SELECT key, content FROM liquid_templates WHERE id = ANY($1::uuid[])', [ids]));
  }

  async latestVersion(key: string, tx: Queryable): Promise<LatestVersion | undefined> {
    return rowsOf<LatestVersion>(
      await tx.query('SELECT id, version, name, content_hash, deployment_id FROM liquid_templates WHERE key = $1 ORDER BY version DESC LIMIT 1', [key]),
    )[0];
  }

  async insertVersion(insert: VersionInsert, deploymentId: string, tx: Queryable): Promise<void> {
    const { item } = insert;
    await tx.query(
      `INSERT INTO liquid_templates (id, key, version, name, resource_name, content, content_hash, deployment_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [insert.id, insert.key, insert.version, insert.name, item.resource, item.content, item.contentHash, deploymentId],
    );
  }
}
