import { compileSchema } from '../validation/schema-compiler.js';
import { validateWith, type ValidationIssue } from '@stageflow/process-package';
import { type CompleteTaskRequest, completeTaskRequestSchema } from './complete-task-request.schema.js';
import { checkVariablesField } from './variables-field.check.js';

const validator = compileSchema(completeTaskRequestSchema);

/**
 * Checks a `POST /api/v1/tasks/{id}/complete` body: the schema, then `validateVariables` on `variables`.
 * Paths: `variables`, `variables.items[3]`.
 */
export function validateCompleteTaskRequest(body: unknown): ValidationIssue[] {
  return checkVariablesField(body, validateWith(validator, body));
}

/** Type guard: `body` is a valid complete task request (`validateCompleteTaskRequest` finds nothing). */
export function isCompleteTaskRequest(body: unknown): body is CompleteTaskRequest {
  return validateCompleteTaskRequest(body).length === 0;
}
