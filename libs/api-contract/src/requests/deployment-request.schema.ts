import type { DeploymentRequest } from '@stageflow/process-package';
import type { JSONSchemaType } from 'ajv';

/** Body of `POST /api/v1/deployments` (JSON form): the package's resources (@stageflow/process-package's type). */
export type { DeploymentRequest, DeploymentResource } from '@stageflow/process-package';

/** Most resources in one deployment. */
export const maxDeploymentResources = 100;

/**
 * The shape of a deployment request. What the schema cannot say — the resource name's ending
 * and unique names — `validateDeploymentRequest` checks after it.
 */
export const deploymentRequestSchema: JSONSchemaType<DeploymentRequest> = {
  $id: 'https://stageflow.dev/schema/api/deployment-request.json',
  title: 'Deployment request',
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200, description: 'A name for this deployment.' },
    resources: {
      type: 'array',
      minItems: 1,
      maxItems: maxDeploymentResources,
      description:
        'The files to deploy: BPMN diagrams (.bpmn, .bpmn20.xml), rule sets (.rule-set.json), action templates (.action.json) and liquid templates (.liquid).',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 255, description: 'File name; its ending decides the kind.' },
          content: { type: 'string', minLength: 1, description: 'The file content (XML for a diagram).' },
        },
        required: ['name', 'content'],
        additionalProperties: false,
      },
    },
  },
  required: ['name', 'resources'],
  additionalProperties: false,
};
