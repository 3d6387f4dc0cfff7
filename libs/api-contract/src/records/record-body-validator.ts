// Validators of the record bodies (record-body-schema.ts), compiled once per record type on an
// ajv instance of their own: the bodies' optional fields are typed `[X, "null"]`, which this
// instance allows and the lib's strict request instance does not.
import { Ajv, type ValidateFunction } from 'ajv';
import { validateWith, type ValidationIssue } from '@stageflow/process-package';
import type { RecordTypeDefinition } from './record-field.js';
import { createBodySchema, processBodySchema, updateBodySchema } from './record-body-schema.js';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, useDefaults: false, coerceTypes: false, removeAdditional: false });

const compiled = new Map<string, ValidateFunction>();

/** `process-create` / `process-update`: what a process writes, read-only fields allowed (processBodySchema). */
export type RecordBody = 'create' | 'update' | 'process-create' | 'process-update';

function schemaOf(type: RecordTypeDefinition, body: RecordBody) {
  if (body === 'create') return createBodySchema(type);
  if (body === 'update') return updateBodySchema(type);
  return processBodySchema(type, body === 'process-create' ? 'create' : 'update');
}

function validatorFor(type: RecordTypeDefinition, body: RecordBody): ValidateFunction {
  const key = `${type.name}:${body}`;
  let validator = compiled.get(key);
  if (!validator) {
    validator = ajv.compile(schemaOf(type, body));
    compiled.set(key, validator);
  }
  return validator;
}

/** The problems of a create (`body: 'create'`) or update body of `type`, each naming its field; [] when valid. */
export function recordBodyIssues(type: RecordTypeDefinition, body: RecordBody, value: unknown): ValidationIssue[] {
  return validateWith(validatorFor(type, body), value);
}
