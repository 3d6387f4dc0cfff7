import { validateVariables, type ValidationIssue } from '@stageflow/process-package';

/**
 * Adds the content rules of `validateVariables` for a body's `variables` field to the issues
 * its schema found — unless the schema already refused that field (e.g. not an object), so a
 * problem is reported once.
 */
export function checkVariablesField(body: unknown, schemaIssues: ValidationIssue[], field = 'variables'): ValidationIssue[] {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, field)) return schemaIssues;
  const refused = schemaIssues.some(({ path }) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`));
  if (refused) return schemaIssues;
  const value: unknown = (body as Record<string, unknown>)[field];
  return [...schemaIssues, ...validateVariables(value, field)];
}
