// The `.form.json` resources of a deployment (task forms), validated as at run time they are
// trusted (parseTaskForm: an object schema ajv compiles, within limits), each with a key from its
// file name, unique in the deployment; and the user tasks whose literal stageflow:formKey is
// neither a form of this deployment nor deployed: caught at deploy, not when a seller opens the
// task. (Forms are never deleted, so a key found now still exists when the task runs.)
import { formReferences, type ProcessGraph } from '@stageflow/bpmn-runtime';
import { formKey, parseTaskForm, resourceKind, taskFormDeploymentProblems, type DeploymentProblem, type DeploymentRequest } from '@stageflow/process-package';
import type { DeployedKeys } from './unknown-action-templates.js';
import { VersionsByKey, type VersionedResource } from './versioned-resources.js';

export function parseFormResources(request: DeploymentRequest, problems: DeploymentProblem[]): VersionedResource[] {
  const parsed = new VersionsByKey();
  for (const resource of request.resources) {
    if (resourceKind(resource.name) !== 'form') continue;
    const key = formKey(resource.name);
    if (key === undefined) {
      problems.push({
        resource: resource.name,
        message: 'the file name (without folders and .form.json) must be a form key: letters, digits, _ . - (at most 100 characters)',
      });
      continue;
    }
    const result = parseTaskForm(resource.content);
    if (!result.ok) {
      problems.push(...taskFormDeploymentProblems(resource.name, result.problems));
      continue;
    }
    parsed.add(
      { key, name: result.form.title ?? null, resource: resource.name, content: JSON.stringify(result.form) },
      resource.content,
      problems,
      (other) => ({
        resource: resource.name,
        message: `form "${key}" is also defined in ${other}`,
      }),
    );
  }
  return parsed.versions;
}

export async function unknownForms(
  deployedKeys: DeployedKeys,
  resources: readonly { resource: string; processes: readonly ProcessGraph[] }[],
  inDeployment: ReadonlySet<string>,
): Promise<DeploymentProblem[]> {
  const references = resources.flatMap(({ resource, processes }) =>
    processes.flatMap((graph) => formReferences(graph).map((reference) => ({ resource, ...reference }))),
  );
  const elsewhere = [...new Set(references.map((reference) => reference.formKey).filter((key) => !inDeployment.has(key)))];
  if (elsewhere.length === 0) return [];
  const deployed = await deployedKeys(elsewhere);
  return references
    .filter((reference) => !inDeployment.has(reference.formKey) && !deployed.has(reference.formKey))
    .map((reference) => ({
      resource: reference.resource,
      elementId: reference.elementId,
      message: `stageflow:formKey "${reference.formKey}" is neither a form of this deployment nor deployed`,
    }));
}
