import type { JSONSchemaType } from 'ajv';
import type { ProcessVariables } from '@stageflow/process-package';
import { variablesSchema } from './variables.schema.js';

/** Body of `POST /api/v1/tasks/{id}/complete`. */
export interface CompleteTaskRequest {
  variables?: ProcessVariables;
}

// `variables` goes through `$ref` for the reason given in start-instance-request.schema.ts.
export const completeTaskRequestSchema: JSONSchemaType<CompleteTaskRequest> = {
  $id: 'https://stageflow.dev/schema/api/complete-task-request.json',
  title: 'Complete task request',
  type: 'object',
  properties: {
    variables: { $ref: '#/definitions/variables' },
  },
  required: [],
  additionalProperties: false,
  definitions: {
    variables: variablesSchema,
  },
};
