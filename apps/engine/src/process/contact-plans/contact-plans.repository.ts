// `contact_plans`: written by deployments (in their transaction, VersionStore), read by the
// runner that starts a plan, by the steps (the version their plan started with) and by the API.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { Queryable } from '../../platform/database/queryable.js';
import type { Paging } from '../../platform/http/input.js';
import type { LatestVersion, VersionInsert, VersionStore } from '../deployments/versioned-resources.js';
import { versionPage, type VersionFilter } from '../deployments/version-page.js';
import type { ContactPlanRow } from './contact-plan.row.js';

const VIEW_COLUMNS = 'id, key, version, name, resource_name, deployment_id, content_hash, created_at';

@Injectable()
export class ContactPlansRepository implements VersionStore {
  constructor(private readonly dataSource: DataSource) {}

  /** By key, newest version first, with the number of all that match; `latest`: only each key's latest version. */
  async page(filter: VersionFilter, paging: Paging): Promise<{ rows: Omit<ContactPlanRow, 'content'>[]; total: number }> {
    return versionPage(this.dataSource, 'contact_plans', VIEW_COLUMNS, filter, paging);
  }

  /** One version with every column. */
  async detail(id: string): Promise<ContactPlanRow | undefined> {
    return rowsOf<ContactPlanRow>(await this.dataSource.query(`SELECT ${VIEW_COLUMNS}, content FROM contact_plans WHERE id = $1`, [id]))[0];
  }

  /** The id of the latest version of `key`, on `db`. */
  async latestId(key: string, db: Queryable = this.dataSource): Promise<string | undefined> {
    return rowsOf<{ id: string }>(await db.query('SELECT id FROM contact_plans WHERE key = $1 ORDER BY version DESC LIMIT 1', [key]))[0]?.id;
  }

  async byId(id: string, db: Queryable = this.dataSource): Promise<Pick<ContactPlanRow, 'id' | 'key' | 'version' | 'content'> | undefined> {
    return rowsOf<Pick<ContactPlanRow, 'id' | 'key' | 'version' | 'content'>>(
      await db.query('SELECT id, key, version, content FROM contact_plans WHERE id = $1', [id]),
    )[0];
  }

  /** The keys of `keys` that have a deployed version, on `db`. */
  async deployedKeys(keys: readonly string[], db: Queryable = this.dataSource): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = rowsOf<{ key: string }>(await db.query('SELECT DISTINCT key FROM contact_plans WHERE key = ANY($1::text[])', [keys]));
    return new Set(rows.map((row) => row.key));
  }

  async latestVersion(key: string, tx: Queryable): Promise<LatestVersion | undefined> {
    return rowsOf<LatestVersion>(
      await tx.query('SELECT id, version, name, content_hash, deployment_id FROM contact_plans WHERE key = $1 ORDER BY version DESC LIMIT 1', [key]),
    )[0];
  }

  async insertVersion(insert: VersionInsert, deploymentId: string, tx: Queryable): Promise<void> {
    const { item } = insert;
    await tx.query(
      `INSERT INTO contact_plans (id, key, version, name, resource_name, content, content_hash, deployment_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [insert.id, insert.key, insert.version, insert.name, item.resource, item.content, item.contentHash, deploymentId],
    );
  }
}
