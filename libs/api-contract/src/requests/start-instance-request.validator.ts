import { compileSchema } from '../validation/schema-compiler.js';
import { validateWith, type ValidationIssue } from '@stageflow/process-package';
import { type StartInstanceRequest, startInstanceRequestSchema } from './start-instance-request.schema.js';
import { checkVariablesField } from './variables-field.check.js';

const validator = compileSchema(startInstanceRequestSchema);

/**
 * Checks a `POST /api/v1/process-definitions/key/{key}/start` body: the schema, then `validateVariables` on `variables`.
 * Paths: `businessKey`, `variables`, `variables.customer.__proto__`.
 */
export function validateStartInstanceRequest(body: unknown): ValidationIssue[] {
  return checkVariablesField(body, validateWith(validator, body));
}

/** Type guard: `body` is a valid start instance request (`validateStartInstanceRequest` finds nothing). */
export function isStartInstanceRequest(body: unknown): body is StartInstanceRequest {
  return validateStartInstanceRequest(body).length === 0;
}
