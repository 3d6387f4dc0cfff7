import { compileSchema } from '../validation/schema-compiler.js';
import { validateWith, type ValidationIssue } from '@stageflow/process-package';
import { type BroadcastSignalRequest, broadcastSignalRequestSchema } from './broadcast-signal-request.schema.js';
import { checkVariablesField } from './variables-field.check.js';

const validator = compileSchema(broadcastSignalRequestSchema);

/** Checks a `POST /api/v1/signals` body: the schema, then `validateVariables` on `variables`. */
export function validateBroadcastSignalRequest(body: unknown): ValidationIssue[] {
  return checkVariablesField(body, validateWith(validator, body));
}

/** Type guard: `body` is a valid broadcast signal request. */
export function isBroadcastSignalRequest(body: unknown): body is BroadcastSignalRequest {
  return validateBroadcastSignalRequest(body).length === 0;
}
