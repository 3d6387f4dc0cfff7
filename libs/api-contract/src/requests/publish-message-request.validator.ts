import { maxMessageTtlSeconds, parseIsoDuration, validateWith, type ValidationIssue } from '@stageflow/process-package';
import { compileSchema } from '../validation/schema-compiler.js';
import { type PublishMessageRequest, publishMessageRequestSchema } from './publish-message-request.schema.js';
import { checkVariablesField } from './variables-field.check.js';

const validator = compileSchema(publishMessageRequestSchema);

/** The `ttl` rules the schema cannot say: a fixed-length ISO 8601 duration, more than zero, at most a year. */
function checkTtl(body: unknown, issues: ValidationIssue[]): ValidationIssue[] {
  if (typeof body !== 'object' || body === null) return issues;
  const ttl: unknown = (body as Record<string, unknown>).ttl;
  if (typeof ttl !== 'string' || issues.some(({ path }) => path === 'ttl')) return issues;
  const parsed = parseIsoDuration(ttl);
  if (!parsed.ok) return [...issues, { path: 'ttl', message: parsed.message }];
  if (parsed.seconds <= 0) return [...issues, { path: 'ttl', message: 'must be longer than zero' }];
  if (parsed.seconds > maxMessageTtlSeconds) return [...issues, { path: 'ttl', message: 'must be at most P366D' }];
  return issues;
}

/**
 * Checks a `POST /api/v1/messages` body: the schema, the ttl, then `validateVariables` on `variables`.
 * Paths: `name`, `correlationKey`, `ttl`, `variables.customer.__proto__`.
 */
export function validatePublishMessageRequest(body: unknown): ValidationIssue[] {
  return checkVariablesField(body, checkTtl(body, validateWith(validator, body)));
}

/** Type guard: `body` is a valid publish message request. */
export function isPublishMessageRequest(body: unknown): body is PublishMessageRequest {
  return validatePublishMessageRequest(body).length === 0;
}

/** The time to live of a valid request in seconds, or undefined when it has none. */
export function messageTtlSeconds(request: PublishMessageRequest): number | undefined {
  if (request.ttl === undefined) return undefined;
  const parsed = parseIsoDuration(request.ttl);
  return parsed.ok ? parsed.seconds : undefined;
}
