// JSON Schemas of the record actions (record-action.types.ts), merged into actionSchemas. Field
// names and values are the record kit's business (the engine checks them when the action runs and
// fails the action naming the field): a package does not know a record type's custom fields.
import type { SchemaObject } from 'ajv';

const template = { type: 'string', minLength: 1, maxLength: 20000 };
const variableName = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z_][A-Za-z0-9_]*$' };
const fields = {
  type: 'object',
  minProperties: 1,
  maxProperties: 100,
  propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]*$', maxLength: 100 },
  description: 'Field values by API name; strings are templates, read by the field kind when the action runs.',
};

const actionSchema = (type: string, properties: Record<string, unknown>, required: string[]): SchemaObject => ({
  type: 'object',
  properties: { type: { const: type }, ...properties },
  required: ['type', ...required],
  additionalProperties: false,
});

export const recordActionTypes = ['organization', 'contact', 'lead', 'opportunity', 'activity'] as const;

export const recordActionSchemas: Readonly<Record<string, SchemaObject>> = {
  setRecordFields: actionSchema('setRecordFields', { record: template, fields, reason: { ...template, maxLength: 500 } }, ['fields']),
  createRecord: actionSchema('createRecord', { recordType: { type: 'string', enum: recordActionTypes }, fields, resultVariable: variableName }, [
    'recordType',
    'fields',
  ]),
  addActivity: actionSchema(
    'addActivity',
    {
      kind: { type: 'string', enum: ['call', 'meeting', 'email', 'task', 'note'] },
      subject: template,
      body: template,
      dueAt: template,
      dueIn: { type: 'string', minLength: 2, maxLength: 40, description: 'ISO 8601 duration after the run, e.g. P1D.' },
      done: { type: 'boolean' },
      resultVariable: variableName,
    },
    ['kind', 'subject'],
  ),
  createDocument: actionSchema(
    'createDocument',
    {
      template: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
        description: 'A deployed .liquid template (name without .liquid).',
      },
      fileName: { type: 'string', minLength: 1, maxLength: 200 },
      record: template,
      resultVariable: variableName,
    },
    ['template', 'fileName'],
  ),
};
