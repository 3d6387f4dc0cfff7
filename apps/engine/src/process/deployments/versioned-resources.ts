// Storing JSON or text resources that are versioned by key (action templates, contact plans,
// liquid templates, each through its table's repository, a VersionStore):
// a resource whose text equals the latest version's is that version; anything else becomes the
// next version. Runs inside the deployment's transaction, under its advisory lock, so version
// numbers have no gaps across nodes.
import { createHash, randomUUID } from 'node:crypto';
import type { DeploymentProblem } from '@stageflow/process-package';
import type { Queryable } from '../../platform/database/queryable.js';

/** SHA-256 of a resource's text: equal text, same version. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface VersionedResource {
  key: string;
  name: string | null;
  resource: string;
  /** The stored content: JSON text for a jsonb column, else the text itself. */
  content: string;
  contentHash: string;
  /** action_templates only: the action's type. */
  actionType?: string;
}

export interface DeployedVersion {
  id: string;
  key: string;
  version: number;
  name: string | null;
}

/** The latest stored version of a key, as a deployment compares it. */
export interface LatestVersion {
  id: string;
  version: number;
  name: string | null;
  content_hash: string;
  deployment_id: string;
}

/** A version to insert. */
export type VersionInsert = DeployedVersion & { item: VersionedResource };

/** The repository of a table of versioned resources. */
export interface VersionStore {
  latestVersion(key: string, tx: Queryable): Promise<LatestVersion | undefined>;
  insertVersion(insert: VersionInsert, deploymentId: string, tx: Queryable): Promise<void>;
}

export interface VersionPlan {
  store: VersionStore;
  deployed: DeployedVersion[];
  inserts: VersionInsert[];
  existingDeploymentIds: string[];
}

export async function planVersions(store: VersionStore, tx: Queryable, items: readonly VersionedResource[]): Promise<VersionPlan> {
  const plan: VersionPlan = { store, deployed: [], inserts: [], existingDeploymentIds: [] };
  for (const item of items) {
    const latest = await store.latestVersion(item.key, tx);
    if (latest && latest.content_hash === item.contentHash) {
      plan.deployed.push({ id: latest.id, key: item.key, version: latest.version, name: latest.name });
      plan.existingDeploymentIds.push(latest.deployment_id);
      continue;
    }
    const version = { id: randomUUID(), key: item.key, version: (latest?.version ?? 0) + 1, name: item.name };
    plan.deployed.push(version);
    plan.inserts.push({ ...version, item });
  }
  return plan;
}

export async function insertVersions(tx: Queryable, plan: VersionPlan, deploymentId: string): Promise<void> {
  for (const insert of plan.inserts) await plan.store.insertVersion(insert, deploymentId, tx);
}

/**
 * The versions of one resource kind a deployment holds, each key once: a second file with a key
 * already taken is a problem naming the first file (forms, custom fields, contact plans).
 */
export class VersionsByKey {
  readonly versions: VersionedResource[] = [];
  private readonly resourceByKey = new Map<string, string>();

  /** Adds the version of `source` (its text, for the content hash), or `duplicate(first file)` to `problems`. */
  add(
    version: Omit<VersionedResource, 'contentHash'>,
    source: string,
    problems: DeploymentProblem[],
    duplicate: (otherResource: string) => DeploymentProblem,
  ): void {
    const other = this.resourceByKey.get(version.key);
    if (other !== undefined) {
      problems.push(duplicate(other));
      return;
    }
    this.resourceByKey.set(version.key, version.resource);
    this.versions.push({ ...version, contentHash: contentHash(source) });
  }
}
