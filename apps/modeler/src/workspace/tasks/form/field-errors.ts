// The engine's issues (`variables.budget must be >= 0`, path `variables.budget`) as rjsf's
// ErrorSchema, so each shows under its field: the form check as the seller types and a refused
// completion's 400 read the same way.
import type { ErrorSchema } from '@rjsf/utils';

export interface FieldIssue {
  path: string;
  message: string;
}

/** `variables.a.b[2]["first name"]` -> ['a', 'b', '2', 'first name']; the part below `variables`. */
export function fieldPath(path: string): string[] {
  const rest = path === 'variables' ? '' : path.startsWith('variables.') || path.startsWith('variables[') ? path.slice('variables'.length) : `.${path}`;
  const segments: string[] = [];
  const segment = /\.([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const match of rest.matchAll(segment)) segments.push(match[1] ?? match[2] ?? JSON.parse(`"${match[3] ?? ''}"`));
  return segments;
}

/** The issues by field; one whose path names no field (the variables as a whole) sits at the root. */
export function errorSchemaOf(issues: readonly FieldIssue[]): ErrorSchema {
  const root: ErrorSchema = {};
  for (const issue of issues) {
    let node = root as Record<string, unknown> & { __errors?: string[] };
    for (const key of fieldPath(issue.path)) {
      node[key] ??= {};
      node = node[key] as typeof node;
    }
    node.__errors = [...(node.__errors ?? []), issue.message];
  }
  return root;
}
