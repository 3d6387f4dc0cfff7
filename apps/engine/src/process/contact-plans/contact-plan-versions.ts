// Contact-plan versions: the runner starts the LATEST version of a key (as action templates, so
// analysts change a plan without redeploying processes); a step runs the version its plan
// started with. Versions are immutable: documents are cached by id.
import { Injectable } from '@nestjs/common';
import type { ContactPlan } from '@stageflow/process-package';
import type { Queryable } from '../../platform/database/queryable.js';
import { ContactPlansRepository } from './contact-plans.repository.js';

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

  constructor(private readonly plans: ContactPlansRepository) {}

  /** The latest version of `key`, read on `db` (the caller's transaction), or undefined when none is deployed. */
  async latest(key: string, db?: Queryable): Promise<ContactPlanVersion | undefined> {
    const id = await this.plans.latestId(key, db);
    return id !== undefined ? this.byId(id, db) : undefined;
  }

  /** One version by id, or undefined when there is none. */
  async byId(id: string, db?: Queryable): Promise<ContactPlanVersion | undefined> {
    const cached = this.documents.get(id);
    if (cached !== undefined) return cached;
    const row = await this.plans.byId(id, db);
    if (!row) return undefined;
    const version = { id: row.id, key: row.key, version: row.version, plan: row.content };
    if (this.documents.size >= MAX_CACHED) this.documents.delete(this.documents.keys().next().value as string);
    this.documents.set(id, version);
    return version;
  }
}
