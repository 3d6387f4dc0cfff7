import { compileSchema } from '../validation/schema-compiler.js';
import { validateWith, type ValidationIssue } from '@stageflow/process-package';
import { type LoginRequest, loginRequestSchema } from './login-request.schema.js';

const validator = compileSchema(loginRequestSchema);

/** Checks a `POST /api/v1/auth/login` body. Paths: `username`, `password`. Messages never echo values. */
export function validateLoginRequest(body: unknown): ValidationIssue[] {
  return validateWith(validator, body);
}

/** Type guard: `body` is a valid login request (`validateLoginRequest` finds nothing). */
export function isLoginRequest(body: unknown): body is LoginRequest {
  return validateLoginRequest(body).length === 0;
}
