import type { JSONSchemaType } from 'ajv';
import type { ProcessVariables } from '@stageflow/process-package';
import { variablesSchema } from './variables.schema.js';

/** Body of `POST /api/v1/messages`. */
export interface PublishMessageRequest {
  /** The `bpmn:message` name the process waits for (or starts with). */
  name: string;
  /** Must equal the subscription's evaluated `stageflow:correlationKey`; absent only matches subscriptions without one. */
  correlationKey?: string;
  variables?: ProcessVariables;
  /** ISO 8601 duration: keep the message that long when nothing waits for it yet. */
  ttl?: string;
}

// Optional properties go through `$ref` for the reason given in start-instance-request.schema.ts.
export const publishMessageRequestSchema: JSONSchemaType<PublishMessageRequest> = {
  $id: 'https://stageflow.dev/schema/api/publish-message-request.json',
  title: 'Publish message request',
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 255, description: 'The message name, as on the bpmn:message.' },
    correlationKey: { $ref: '#/definitions/correlationKey' },
    variables: { $ref: '#/definitions/variables' },
    ttl: { $ref: '#/definitions/ttl' },
  },
  required: ['name'],
  additionalProperties: false,
  definitions: {
    correlationKey: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      description: 'Matched exactly against the evaluated stageflow:correlationKey of waiting subscriptions (a number as its decimal text).',
    },
    variables: variablesSchema,
    ttl: {
      type: 'string',
      minLength: 2,
      maxLength: 40,
      description: 'ISO 8601 duration (PT1H, P3D): how long to keep the message when nothing waits for it yet.',
    },
  },
};
