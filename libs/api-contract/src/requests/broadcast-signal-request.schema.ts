import type { JSONSchemaType } from 'ajv';
import type { ProcessVariables } from '@stageflow/process-package';
import { variablesSchema } from './variables.schema.js';

/** Body of `POST /api/v1/signals`. */
export interface BroadcastSignalRequest {
  /** The `bpmn:signal` name. */
  name: string;
  variables?: ProcessVariables;
}

export const broadcastSignalRequestSchema: JSONSchemaType<BroadcastSignalRequest> = {
  $id: 'https://stageflow.dev/schema/api/broadcast-signal-request.json',
  title: 'Broadcast signal request',
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 255, description: 'The signal name, as on the bpmn:signal.' },
    variables: { $ref: '#/definitions/variables' },
  },
  required: ['name'],
  additionalProperties: false,
  definitions: {
    variables: variablesSchema,
  },
};
