// A diagram's problems and warnings (compileBpmn) as a deployment names them: by resource.
import type { DefinitionProblem } from '@stageflow/bpmn-runtime';
import type { DeploymentProblem } from '@stageflow/process-package';

/**
 * Warnings listed per resource at most: a diagram from another tool can carry a vendor attribute
 * on each of thousands of elements; the answer names the first ones and says how many more.
 */
export const MAX_WARNINGS_PER_RESOURCE = 200;

/** A diagram's problem or warning, named by the resource it is in. */
export function inResource(resource: string, problem: DefinitionProblem): DeploymentProblem {
  return problem.elementId === undefined ? { resource, message: problem.message } : { resource, elementId: problem.elementId, message: problem.message };
}

/** The resource's warnings as the deployment answers them: the first MAX_WARNINGS_PER_RESOURCE, then one line for the rest. */
export function listedWarnings(resource: string, warnings: readonly DefinitionProblem[]): DeploymentProblem[] {
  const listed = warnings.slice(0, MAX_WARNINGS_PER_RESOURCE).map((warning) => inResource(resource, warning));
  const more = warnings.length - listed.length;
  if (more > 0)
    listed.push({ resource, message: `${more} more warning${more === 1 ? '' : 's'} not listed (at most ${MAX_WARNINGS_PER_RESOURCE} per resource)` });
  return listed;
}
