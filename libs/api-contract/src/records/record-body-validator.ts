// Validators of the record bodies (record-body-schema.ts), compiled once per record type on an
// ajv instance of their own: the bodies' optional fields are typed `[X, "null"]`, which this
// instance allows and the lib's strict request instance does not.
import { Ajv, type ValidateFunction } from 'ajv';
import { validateWith, type ValidationIssue } from '@stageflow/process-package';
import type { RecordTypeDefinition } from './record-field.js';
import { createBodySchema, updateBodySchema } from './record-body-schema.js';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, useDefaults: false, coerceTypes: false, removeAdditional: false });

const compiled = new Map<string, ValidateFunction>();

function validatorFor(type: RecordTypeDefinition, body: 'create' | 'update'): ValidateFunction {
  const key = `${type.name}:${body}`;
  let validator = compiled.get(key);
  if (!validator) {
    validator = ajv.compile(body === 'create' ? createBodySchema(type) : updateBodySchema(type));
    compiled.set(key, validator);
  }
  return validator;
}

/** The problems of a create (`body: 'create'`) or update body of `type`, each naming its field; [] when valid. */
export function recordBodyIssues(type: RecordTypeDefinition, body: 'create' | 'update', value: unknown): ValidationIssue[] {
  return validateWith(validatorFor(type, body), value);
}
