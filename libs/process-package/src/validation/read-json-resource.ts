// The first step of every JSON resource's parse (rule sets, action templates, contact plans, custom
// fields, task forms, the manifest): the text as JSON, or the one problem that it is not — with the
// same message for each kind.
import type { ValidationIssue } from './validation-issue.js';

export type JsonResourceRead = { ok: true; value: unknown } | { ok: false; problems: ValidationIssue[] };

/** `text` parsed as JSON; a text over `maxLength` characters is refused before it is parsed. */
export function readJsonResource(text: string, maxLength?: number): JsonResourceRead {
  if (maxLength !== undefined && text.length > maxLength) return { ok: false, problems: [{ path: '', message: `is longer than ${maxLength} characters` }] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` }] };
  }
}
