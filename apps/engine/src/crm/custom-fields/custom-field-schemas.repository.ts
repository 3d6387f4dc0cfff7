// All SQL of `crm_custom_field_schemas`: versions written by deployments (in their transaction,
// through the CustomFieldSchemaStore port the process engine offers), the latest read per write.
import { Injectable } from '@nestjs/common';
import { RECORD_TYPES } from '@stageflow/api-contract';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { Queryable } from '../../platform/database/queryable.js';
import type { CustomFieldSchemaStore, LatestVersion, VersionInsert } from '../../process/index.js';
import type { CustomFieldSchemaRow } from './custom-field-schema.row.js';

@Injectable()
export class CustomFieldSchemasRepository implements CustomFieldSchemaStore {
  readonly recordTypes: readonly string[] = Object.keys(RECORD_TYPES);

  constructor(private readonly dataSource: DataSource) {}

  /** The schema in force for `recordType`: its latest version. */
  async latest(recordType: string, db: Queryable = this.dataSource): Promise<CustomFieldSchemaRow | undefined> {
    return rowsOf<CustomFieldSchemaRow>(
      await db.query(
        `SELECT id, record_type, version, name, resource_name, content, content_hash, deployment_id, created_at
           FROM crm_custom_field_schemas WHERE record_type = $1 ORDER BY version DESC LIMIT 1`,
        [recordType],
      ),
    )[0];
  }

  async latestVersion(key: string, tx: Queryable): Promise<LatestVersion | undefined> {
    return rowsOf<LatestVersion>(
      await tx.query(
        'SELECT id, version, name, content_hash, deployment_id FROM crm_custom_field_schemas WHERE record_type = $1 ORDER BY version DESC LIMIT 1',
        [key],
      ),
    )[0];
  }

  async insertVersion(insert: VersionInsert, deploymentId: string, tx: Queryable): Promise<void> {
    const { item } = insert;
    await tx.query(
      `INSERT INTO crm_custom_field_schemas (id, record_type, version, name, resource_name, content, content_hash, deployment_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
      [insert.id, insert.key, insert.version, insert.name, item.resource, item.content, item.contentHash, deploymentId],
    );
  }
}
