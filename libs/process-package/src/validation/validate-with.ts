import type { DefinedError, ValidateFunction } from 'ajv';
import { appendKey, pointerToPath } from './issue-path.js';
import type { ValidationIssue } from './validation-issue.js';

/** At most this many issues are returned for one body. */
export const maxValidationIssues = 100;

/**
 * Runs a compiled ajv validator on `body` and turns its errors into readable issues:
 * `{ path: 'resources[0].name', message: 'must be a string' }`. A missing or unexpected
 * property is named in the path itself (`name` / `is required`, `extra` / `is not allowed`).
 * `root` prefixes every path; the body itself has the path `root` (`''` by default).
 * Returns `[]` when the body is valid.
 */
export function validateWith<T>(validator: ValidateFunction<T>, body: unknown, root = ''): ValidationIssue[] {
  if (validator(body)) return [];
  const errors = (validator.errors ?? []) as DefinedError[];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // A bad property name gives two errors: `propertyNames` and the nested one that says why.
    if (error.keyword === 'propertyNames') continue;
    const issue = toIssue(error, body, root);
    const { propertyName } = error as { propertyName?: string };
    if (propertyName !== undefined) {
      issue.path = appendKey(issue.path, propertyName);
      issue.message = `name ${issue.message}`;
    }
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
    if (issues.length >= maxValidationIssues) break;
  }
  return issues;
}

function toIssue(error: DefinedError, body: unknown, root: string): ValidationIssue {
  const path = pointerToPath(error.instancePath, body, root);
  switch (error.keyword) {
    case 'required':
      return { path: appendKey(path, error.params.missingProperty), message: 'is required' };
    case 'additionalProperties':
      return { path: appendKey(path, error.params.additionalProperty), message: 'is not allowed' };
    case 'type':
      return { path, message: `must be ${describeTypes(error.params.type)}` };
    case 'minLength':
      return {
        path,
        message: error.params.limit === 1 ? 'must not be empty' : `must be at least ${error.params.limit} characters long`,
      };
    case 'maxLength':
      return { path, message: `must be at most ${error.params.limit} characters long` };
    case 'minItems':
      return {
        path,
        message: error.params.limit === 1 ? 'must not be empty' : `must have at least ${error.params.limit} items`,
      };
    case 'maxItems':
      return { path, message: `must have at most ${error.params.limit} items` };
    case 'minProperties':
      return { path, message: `must have at least ${error.params.limit} properties` };
    case 'maxProperties':
      return { path, message: `must have at most ${error.params.limit} properties` };
    case 'enum':
      return { path, message: `must be one of ${error.params.allowedValues.map((v: unknown) => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { path, message: `must be ${JSON.stringify(error.params.allowedValue)}` };
    default:
      return { path, message: error.message ?? `is invalid (${error.keyword})` };
  }
}

const typeNames: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function describeTypes(type: string | string[]): string {
  const names = (Array.isArray(type) ? type : type.split(',')).map((t) => typeNames[t] ?? t);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
