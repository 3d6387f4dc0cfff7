// Validate and Deploy of one edited resource (a rule set, an action template, a contact plan): the
// engine checks it exactly as a deploy does (POST /deployments/validate), and deploys it as the
// next version of its key (POST /deployments). Problems come back as the deploy's 422.
import type { DeploymentValidationView, DeploymentView } from '@stageflow/api-contract';
import { apiFetch } from '../../../app/api/api-fetch';

export interface EditedResource {
  /** The file name: its ending says the kind (`lead-bant.rule-set.json`). */
  name: string;
  document: unknown;
}

function request(resource: EditedResource): { name: string; resources: { name: string; content: string }[] } {
  return { name: `studio: ${resource.name}`, resources: [{ name: resource.name, content: `${JSON.stringify(resource.document, null, 2)}\n` }] };
}

export function validateResource(resource: EditedResource): Promise<DeploymentValidationView> {
  return apiFetch<DeploymentValidationView>('/deployments/validate', { json: request(resource) });
}

export function deployResource(resource: EditedResource): Promise<DeploymentView> {
  return apiFetch<DeploymentView>('/deployments', { json: request(resource) });
}

/** The file name to deploy an edited version under: the deployed one's name without folders, else `<key><suffix>`. */
export function resourceFileName(key: string, suffix: string, deployedName?: string): string {
  const base = deployedName?.split('/').pop();
  return base !== undefined && base.endsWith(suffix) ? base : `${key}${suffix}`;
}
