// Service and send tasks whose stageflow:action key is neither an action template of this
// deployment nor deployed: caught at deploy, not when an instance reaches the task. (Action
// templates are never deleted, so a key found now still exists when the task runs.)
import { actionReferences, type ProcessGraph } from '@stageflow/bpmn-runtime';
import type { DeploymentProblem } from '@stageflow/process-package';

interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

export async function unknownActionTemplates(
  db: Queryable,
  resources: readonly { resource: string; processes: readonly ProcessGraph[] }[],
  inDeployment: ReadonlySet<string>,
): Promise<DeploymentProblem[]> {
  const references = resources.flatMap(({ resource, processes }) =>
    processes.flatMap((graph) => actionReferences(graph).map((reference) => ({ resource, ...reference }))),
  );
  const elsewhere = [...new Set(references.map((reference) => reference.actionKey).filter((key) => !inDeployment.has(key)))];
  if (elsewhere.length === 0) return [];
  const rows = (await db.query('SELECT DISTINCT key FROM action_templates WHERE key = ANY($1::text[])', [elsewhere])) as { key: string }[];
  const deployed = new Set(rows.map((row) => row.key));
  return references
    .filter((reference) => !inDeployment.has(reference.actionKey) && !deployed.has(reference.actionKey))
    .map((reference) => ({
      resource: reference.resource,
      elementId: reference.elementId,
      message: `stageflow:action "${reference.actionKey}" is neither an action template of this deployment nor deployed`,
    }));
}
