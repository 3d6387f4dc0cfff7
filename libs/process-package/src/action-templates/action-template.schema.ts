// JSON Schema of an action template's envelope. The action itself is checked by the schema of
// its type (actionSchemas, shared with `actions` rule sets) so that an error names the field.
import type { SchemaObject } from 'ajv';
import { actionSchemas } from '../rule-sets/rule-set.schema.js';

export const actionTemplateSchema: SchemaObject = {
  $id: 'https://stageflow.dev/schema/action-template.json',
  title: 'Action template',
  type: 'object',
  properties: {
    key: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
      description: 'Referenced from BPMN (stageflow:action); versions are made by deploying again.',
    },
    name: { type: 'string', minLength: 1, maxLength: 255 },
    description: { type: 'string', maxLength: 2000 },
    action: {
      type: 'object',
      description:
        'One action: createTask, sendEmail, callWebhook, setVariables, startProcess, notifyUser, startContactPlan, setRecordFields, createRecord, addActivity or createDocument.',
      properties: { type: { type: 'string', enum: Object.keys(actionSchemas) } },
      required: ['type'],
    },
  },
  required: ['key', 'name', 'action'],
  additionalProperties: false,
};
