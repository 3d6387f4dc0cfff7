// Service and send tasks whose stageflow:action key is neither an action template of this
// deployment nor deployed: caught at deploy, not when an instance reaches the task. (Action
// templates are never deleted, so a key found now still exists when the task runs.)
import { actionReferences, type ProcessGraph } from '@stageflow/bpmn-runtime';
import type { DeploymentProblem } from '@stageflow/process-package';

/** Which of `keys` have a deployed version (the table's repository answers). */
export type DeployedKeys = (keys: readonly string[]) => Promise<Set<string>>;

export async function unknownActionTemplates(
  deployedKeys: DeployedKeys,
  resources: readonly { resource: string; processes: readonly ProcessGraph[] }[],
  inDeployment: ReadonlySet<string>,
): Promise<DeploymentProblem[]> {
  const references = resources.flatMap(({ resource, processes }) =>
    processes.flatMap((graph) => actionReferences(graph).map((reference) => ({ resource, ...reference }))),
  );
  const elsewhere = [...new Set(references.map((reference) => reference.actionKey).filter((key) => !inDeployment.has(key)))];
  if (elsewhere.length === 0) return [];
  const deployed = await deployedKeys(elsewhere);
  return references
    .filter((reference) => !inDeployment.has(reference.actionKey) && !deployed.has(reference.actionKey))
    .map((reference) => ({
      resource: reference.resource,
      elementId: reference.elementId,
      message: `stageflow:action "${reference.actionKey}" is neither an action template of this deployment nor deployed`,
    }));
}
