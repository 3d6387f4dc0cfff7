import { describeResourceSuffixes, resourceKind, validateWith, type ValidationIssue } from '@stageflow/process-package';
import { compileSchema } from '../validation/schema-compiler.js';
import { type DeploymentRequest, deploymentRequestSchema, maxDeploymentResources } from './deployment-request.schema.js';

const validator = compileSchema(deploymentRequestSchema);

/**
 * Checks a `POST /deployments` body: the schema, then that each resource name has an ending
 * we deploy (`resourceKind`) and that no two resources share a name.
 * Paths: `name`, `resources`, `resources[2].name`, `resources[2].content`.
 */
export function validateDeploymentRequest(body: unknown): ValidationIssue[] {
  const issues = validateWith(validator, body);
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { resources?: unknown }).resources)) {
    return issues;
  }
  const resources: unknown[] = (body as { resources: unknown[] }).resources;
  // Too many resources is already reported; naming each of them again adds nothing.
  if (resources.length > maxDeploymentResources) return issues;
  const firstIndexByName = new Map<string, number>();
  resources.forEach((resource, index) => {
    const name = typeof resource === 'object' && resource !== null ? (resource as { name?: unknown }).name : undefined;
    if (typeof name !== 'string' || name === '') return;
    const path = `resources[${index}].name`;
    if (issues.some((issue) => issue.path === path)) return;
    if (resourceKind(name) === undefined) {
      issues.push({ path, message: `must end with ${describeResourceSuffixes()}` });
    }
    const first = firstIndexByName.get(name);
    if (first === undefined) {
      firstIndexByName.set(name, index);
    } else {
      issues.push({ path, message: `must be unique: resources[${first}].name is also ${JSON.stringify(name)}` });
    }
  });
  return issues;
}

/** Type guard: `body` is a valid deployment request (`validateDeploymentRequest` finds nothing). */
export function isDeploymentRequest(body: unknown): body is DeploymentRequest {
  return validateDeploymentRequest(body).length === 0;
}
