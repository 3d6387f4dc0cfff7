import type { JSONSchemaType } from 'ajv';
import type { ProcessVariables } from '@stageflow/process-package';
import { variablesSchema } from './variables.schema.js';

/** Body of `PATCH /api/v1/process-instances/{id}/variables`: the instance variables an admin sets (others keep their values). */
export interface EditInstanceVariablesRequest {
  variables: ProcessVariables;
}

// `variables` goes through `$ref` for the reason given in start-instance-request.schema.ts.
export const editInstanceVariablesRequestSchema: JSONSchemaType<EditInstanceVariablesRequest> = {
  $id: 'https://stageflow.dev/schema/api/edit-instance-variables-request.json',
  title: 'Edit instance variables request',
  type: 'object',
  properties: {
    variables: { $ref: '#/definitions/variables' },
  },
  required: ['variables'],
  additionalProperties: false,
  definitions: {
    variables: { ...variablesSchema, minProperties: 1 },
  },
};
