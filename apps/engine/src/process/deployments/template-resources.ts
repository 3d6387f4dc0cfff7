// The template resources of a deployment, validated as at run time they are trusted:
// - `.liquid` templates: a key from the file name, unique in the deployment, and a template
//   that parses and includes only deployed templates;
// - `.action.json` action templates: the format (parseActionTemplate) and the templates in the
//   action's text fields (checkActionTemplate).
// Problems are added to `problems` with the resource and the JSON path.
import {
  actionTemplateDeploymentProblems,
  parseActionTemplate,
  resourceKind,
  templateKey,
  type DeploymentProblem,
  type DeploymentRequest,
} from '@stageflow/process-package';
import { checkActionTemplate, TemplateRenderer, type DeployedTemplates } from '@stageflow/rules';
import { contentHash, type VersionedResource } from './versioned-resources.js';

/**
 * `.liquid` resources: `resources` to store, and `known` — what this deployment's resources may
 * name: the deployed templates (`deployed`, latest versions) with this deployment's on top.
 */
export function parseLiquidTemplates(
  request: DeploymentRequest,
  deployed: DeployedTemplates,
  problems: DeploymentProblem[],
): { resources: VersionedResource[]; known: DeployedTemplates } {
  const resources: VersionedResource[] = [];
  const resourceByKey = new Map<string, string>();
  for (const resource of request.resources) {
    if (resourceKind(resource.name) !== 'template') continue;
    const key = templateKey(resource.name);
    if (key === undefined) {
      problems.push({
        resource: resource.name,
        message: 'the file name (without folders and .liquid) must be a template key: letters, digits, _ . - (at most 100 characters)',
      });
      continue;
    }
    const other = resourceByKey.get(key);
    if (other !== undefined) {
      problems.push({ resource: resource.name, message: `template "${key}" is also defined in ${other}` });
      continue;
    }
    resourceByKey.set(key, resource.name);
    resources.push({ key, name: key, resource: resource.name, content: resource.content, contentHash: contentHash(resource.content) });
  }
  const known: Record<string, string> = { ...deployed };
  for (const resource of resources) known[resource.key] = resource.content;
  const renderer = new TemplateRenderer(known);
  for (const resource of resources) {
    const problem = renderer.check(resource.content);
    if (problem !== undefined) problems.push({ resource: resource.resource, message: `is not a valid template: ${problem}` });
  }
  return { resources, known };
}

/** `.action.json` resources, each checked against the templates the deployment may name. */
export function parseActionTemplates(request: DeploymentRequest, templates: DeployedTemplates, problems: DeploymentProblem[]): VersionedResource[] {
  const parsed: VersionedResource[] = [];
  const resourceByKey = new Map<string, string>();
  for (const resource of request.resources) {
    if (resourceKind(resource.name) !== 'action-template') continue;
    const result = parseActionTemplate(resource.content);
    if (!result.ok) {
      problems.push(...actionTemplateDeploymentProblems(resource.name, result.problems));
      continue;
    }
    const templateProblems = checkActionTemplate(result.template.action, 'action', templates);
    if (templateProblems.length > 0) {
      problems.push(...actionTemplateDeploymentProblems(resource.name, templateProblems));
      continue;
    }
    const { key, name } = result.template;
    const other = resourceByKey.get(key);
    if (other !== undefined) {
      problems.push({ resource: resource.name, path: 'key', message: `action template key "${key}" is also defined in ${other}` });
      continue;
    }
    resourceByKey.set(key, resource.name);
    parsed.push({
      key,
      name,
      resource: resource.name,
      content: JSON.stringify(result.template),
      contentHash: contentHash(resource.content),
      actionType: result.template.action.type,
    });
  }
  return parsed;
}
