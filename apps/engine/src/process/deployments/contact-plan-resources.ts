// The `.contact-plan.json` resources of a deployment, validated as at run time they are trusted:
// the format (parseContactPlan: envelope, step ids, offsets, each step's action by its type) and
// the templates in every step's text fields (checkActionTemplate, against the templates this
// deployment may name). Problems are added to `problems` with the resource and the JSON path.
import { contactPlanDeploymentProblems, parseContactPlan, resourceKind, type DeploymentProblem, type DeploymentRequest } from '@stageflow/process-package';
import { checkActionTemplate, type DeployedTemplates } from '@stageflow/rules';
import { VersionsByKey, type VersionedResource } from './versioned-resources.js';

export function parseContactPlans(request: DeploymentRequest, templates: DeployedTemplates, problems: DeploymentProblem[]): VersionedResource[] {
  const parsed = new VersionsByKey();
  for (const resource of request.resources) {
    if (resourceKind(resource.name) !== 'contact-plan') continue;
    const result = parseContactPlan(resource.content);
    if (!result.ok) {
      problems.push(...contactPlanDeploymentProblems(resource.name, result.problems));
      continue;
    }
    const templateProblems = result.plan.steps.flatMap((step, index) => checkActionTemplate(step.action, `steps[${index}].action`, templates));
    if (templateProblems.length > 0) {
      problems.push(...contactPlanDeploymentProblems(resource.name, templateProblems));
      continue;
    }
    const { key, name } = result.plan;
    parsed.add({ key, name, resource: resource.name, content: JSON.stringify(result.plan) }, resource.content, problems, (other) => ({
      resource: resource.name,
      path: 'key',
      message: `contact plan key "${key}" is also defined in ${other}`,
    }));
  }
  return parsed.versions;
}
