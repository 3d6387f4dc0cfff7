import type { JSONSchemaType } from 'ajv';
import type { ProcessVariables } from '@stageflow/process-package';
import { variablesSchema } from './variables.schema.js';

/** Body of `POST /api/v1/process-definitions/key/{key}/start`. */
export interface StartInstanceRequest {
  businessKey?: string;
  variables?: ProcessVariables;
}

// Optional properties go through `$ref`: inline, ajv's JSONSchemaType would demand
// `nullable: true` for them, and that would accept `null` where the API wants a value or nothing.
export const startInstanceRequestSchema: JSONSchemaType<StartInstanceRequest> = {
  $id: 'https://stageflow.dev/schema/api/start-instance-request.json',
  title: 'Start instance request',
  type: 'object',
  properties: {
    businessKey: { $ref: '#/definitions/businessKey' },
    variables: { $ref: '#/definitions/variables' },
  },
  required: [],
  additionalProperties: false,
  definitions: {
    businessKey: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      description: 'The key of the business record this instance drives, e.g. a lead number.',
    },
    variables: variablesSchema,
  },
};
