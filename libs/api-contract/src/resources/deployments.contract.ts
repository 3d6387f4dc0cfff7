// POST /api/v1/deployments: the multipart form (the JSON body is the deployment request of
// ../requests) and the deployment it answers with.
import { array, boolean, described, instant, integer, named, nullable, object, optional, string, uuid } from '../schemas/json-schema.js';
import { maxDeploymentResources } from '../requests/deployment-request.schema.js';

/** One version a deployment created or found unchanged. */
export interface DeployedVersion {
  id: string;
  key: string;
  version: number;
  name: string | null;
}

/**
 * Something a deployed diagram holds that does not change what runs — a diagram shape pointing at
 * a missing element, an unknown label style, documentation in a place BPMN does not allow, another
 * tool's extension, an element no token reaches, a non-executable process. The shape of a 422's
 * `details` entry: the resource, the element when there is one, and the reason.
 */
export interface DeploymentWarning {
  /** The resource (file) name as given in the deployment request. */
  resource: string;
  /** The BPMN element (or diagram shape) the warning is about, when there is one. */
  elementId?: string;
  message: string;
}

export interface DeploymentView {
  id: string;
  name: string;
  createdAt: string;
  processDefinitions: DeployedVersion[];
  /** The rule sets (.rule-set.json) of the deployment. */
  ruleSets: DeployedVersion[];
  /** The action templates (.action.json) of the deployment. */
  actionTemplates: DeployedVersion[];
  /** The contact plans (.contact-plan.json) of the deployment. */
  contactPlans: DeployedVersion[];
  /** The liquid templates (.liquid); the key is the file name without folders and .liquid. */
  templates: DeployedVersion[];
  /** The custom-field schemas (<record type>.fields.json); the key is the record type. */
  customFields: DeployedVersion[];
  /** The task forms (<key>.form.json); the key is the file name without folders and .form.json. */
  forms: DeployedVersion[];
  /** False when every resource was already deployed with identical content: the versions are the existing ones (the 200). */
  created: boolean;
  /** What was deployed past (see DeploymentWarning); empty for a clean deployment. */
  warnings: DeploymentWarning[];
}

/** The multipart form of POST /deployments: every file part (any field name) is one resource, named by its file name. */
export interface DeploymentUploadForm {
  name?: string;
  files: string[];
}

const deployedVersion = object<DeployedVersion>({ id: uuid, key: string, version: integer, name: nullable(string) });
const deploymentWarning = object<DeploymentWarning>({ resource: string, elementId: optional(string), message: string });

export const deploymentSchema = named<DeploymentView>('deployment', {
  id: uuid,
  name: string,
  createdAt: instant,
  processDefinitions: array(deployedVersion),
  ruleSets: array(deployedVersion, { description: 'The rule sets (.rule-set.json) of the deployment.' }),
  actionTemplates: array(deployedVersion, { description: 'The action templates (.action.json) of the deployment.' }),
  contactPlans: array(deployedVersion, { description: 'The contact plans (.contact-plan.json) of the deployment.' }),
  templates: array(deployedVersion, { description: 'The liquid templates (.liquid) of the deployment; the key is the file name without folders and .liquid.' }),
  customFields: array(deployedVersion, { description: 'The custom-field schemas (<record type>.fields.json) of the deployment; the key is the record type.' }),
  forms: array(deployedVersion, {
    description: 'The task forms (<key>.form.json) of the deployment; the key is the file name without folders and .form.json.',
  }),
  created: described(boolean, 'False (with 200): every resource was already deployed with identical content, and these are the existing versions.'),
  warnings: array(deploymentWarning, {
    description:
      "What the diagrams hold that does not change what runs (a diagram shape pointing at a missing element, an unknown label style, misplaced documentation, another tool's extension, an unreachable element, a non-executable process): deployed past, named like a 422's details.",
  }),
});

export const deploymentUploadSchema = named<DeploymentUploadForm>(
  'deployment-upload',
  {
    name: optional(described(string, 'A name for the deployment (default: the first file name).')),
    files: array({ type: 'string', format: 'binary' }, { maxItems: maxDeploymentResources }),
  },
  { description: 'Multipart form of POST /deployments: every file part (any field name) is one resource, named by its file name.' },
);

/** The answer of POST /deployments/validate when nothing is wrong (problems are the deploy's 422). */
export interface DeploymentValidationView {
  valid: true;
  /** The warnings POST /deployments would answer with. */
  warnings: DeploymentWarning[];
}

export const deploymentValidationSchema = named<DeploymentValidationView>(
  'deployment-validation',
  {
    valid: { type: 'boolean', enum: [true] },
    warnings: array(deploymentWarning, { description: 'The warnings POST /deployments would answer with (see the deployment).' }),
  },
  { description: 'Nothing is wrong: POST /deployments would accept it. Problems are answered as the deploy answers them (422).' },
);
