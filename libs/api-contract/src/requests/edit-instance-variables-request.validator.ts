import { compileSchema } from '../validation/schema-compiler.js';
import { validateWith, type ValidationIssue } from '@stageflow/process-package';
import { type EditInstanceVariablesRequest, editInstanceVariablesRequestSchema } from './edit-instance-variables-request.schema.js';
import { checkVariablesField } from './variables-field.check.js';

const validator = compileSchema(editInstanceVariablesRequestSchema);

/**
 * Checks a `PATCH /api/v1/process-instances/{id}/variables` body: the schema (at least one
 * variable), then `validateVariables` on `variables`. Paths: `variables`, `variables.customer.__proto__`.
 */
export function validateEditInstanceVariablesRequest(body: unknown): ValidationIssue[] {
  return checkVariablesField(body, validateWith(validator, body));
}

/** Type guard: `body` is a valid edit (`validateEditInstanceVariablesRequest` finds nothing). */
export function isEditInstanceVariablesRequest(body: unknown): body is EditInstanceVariablesRequest {
  return validateEditInstanceVariablesRequest(body).length === 0;
}
