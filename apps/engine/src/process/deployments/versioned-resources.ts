// Storing JSON or text resources that are versioned by key (action templates, contact plans,
// liquid templates):
// a resource whose text equals the latest version's is that version; anything else becomes the
// next version. Runs inside the deployment's transaction, under its advisory lock, so version
// numbers have no gaps across nodes.
import { createHash, randomUUID } from 'node:crypto';

/** SHA-256 of a resource's text: equal text, same version. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export type VersionedTable = 'action_templates' | 'contact_plans' | 'liquid_templates';

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

interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

export interface VersionPlan {
  table: VersionedTable;
  deployed: DeployedVersion[];
  inserts: (DeployedVersion & { item: VersionedResource })[];
  existingDeploymentIds: string[];
}

export async function planVersions(db: Queryable, table: VersionedTable, items: readonly VersionedResource[]): Promise<VersionPlan> {
  const plan: VersionPlan = { table, deployed: [], inserts: [], existingDeploymentIds: [] };
  for (const item of items) {
    const rows = (await db.query(`SELECT id, version, name, content_hash, deployment_id FROM ${table} WHERE key = $1 ORDER BY version DESC LIMIT 1`, [
      item.key,
    ])) as {
      id: string;
      version: number;
      name: string | null;
      content_hash: string;
      deployment_id: string;
    }[];
    const latest = rows[0];
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

export async function insertVersions(db: Queryable, plan: VersionPlan, deploymentId: string): Promise<void> {
  for (const insert of plan.inserts) {
    const { item } = insert;
    if (plan.table === 'action_templates') {
      await db.query(
        `INSERT INTO action_templates (id, key, version, name, action_type, resource_name, content, content_hash, deployment_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [insert.id, insert.key, insert.version, insert.name, item.actionType, item.resource, item.content, item.contentHash, deploymentId],
      );
    } else if (plan.table === 'contact_plans') {
      await db.query(
        `INSERT INTO contact_plans (id, key, version, name, resource_name, content, content_hash, deployment_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [insert.id, insert.key, insert.version, insert.name, item.resource, item.content, item.contentHash, deploymentId],
      );
    } else {
      await db.query(
        `INSERT INTO liquid_templates (id, key, version, name, resource_name, content, content_hash, deployment_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [insert.id, insert.key, insert.version, insert.name, item.resource, item.content, item.contentHash, deploymentId],
      );
    }
  }
}
