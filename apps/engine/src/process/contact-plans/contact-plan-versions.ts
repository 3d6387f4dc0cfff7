// Contact-plan versions: the runner starts the LATEST version of a key (as action templates, so
// analysts change a plan without redeploying processes); a step runs the version its plan
// started with. Versions are immutable: documents are cached by id.
import { Injectable } from '@nestjs/common';
import type { ContactPlan } from '@stageflow/process-package';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { Queryable } from '../../platform/jobs/jobs.service.js';

const MAX_CACHED = 500;

export interface ContactPlanVersion {
  id: string;
  key: string;
  version: number;
  plan: ContactPlan;
}

@Injectable()
export class ContactPlanVersions {
  private readonly documents = new Map<string, ContactPlanVersion>();

  constructor(private readonly dataSource: DataSource) {}

  /** The latest version of `key`, read on `db` (the caller's transaction), or undefined when none is deployed. */
  async latest(key: string, db: Queryable = this.dataSource): Promise<ContactPlanVersion | undefined> {
    const rows = rowsOf<{ id: string }>(await db.query('SELECT id FROM contact_plans WHERE key = $1 ORDER BY version DESC LIMIT 1', [key]));
    return rows[0] ? this.byId(rows[0].id, db) : undefined;
  }

  /** One version by id, or undefined when there is none. */
  async byId(id: string, db: Queryable = this.dataSource): Promise<ContactPlanVersion | undefined> {
    const cached = this.documents.get(id);
    if (cached !== undefined) return cached;
    const rows = rowsOf<{ id: string; key: string; version: number; content: ContactPlan }>(
      await db.query('SELECT id, key, version, content FROM contact_plans WHERE id = $1', [id]),
    );
    const row = rows[0];
    if (!row) return undefined;
    const version = { id: row.id, key: row.key, version: row.version, plan: row.content };
    if (this.documents.size >= MAX_CACHED) this.documents.delete(this.documents.keys().next().value as string);
    this.documents.set(id, version);
    return version;
  }
}
