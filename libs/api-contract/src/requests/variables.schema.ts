import type { JSONSchemaType } from 'ajv';
import type { ProcessVariables } from '@stageflow/process-package';

/**
 * The shape of a `variables` field: a JSON object. The rules on its content (JSON values only,
 * no `__proto__` keys, bounded depth) are `validateVariables`, run after the schema.
 * Request schemas place it under `definitions.variables` and point to it with `$ref`.
 */
export const variablesSchema: JSONSchemaType<ProcessVariables> = {
  type: 'object',
  description: 'Process variables: a JSON object of name -> JSON value.',
  required: [],
};
