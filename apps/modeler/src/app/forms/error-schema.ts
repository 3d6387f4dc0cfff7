// The engine's issues (`{path, message}`) as rjsf's ErrorSchema, so each message shows under its
// field. One reading for every engine-checked form: a task form (paths below `variables`), a
// record's custom fields (below `custom`, stripped by the caller) and package parameters (paths
// from the parameters' root). An issue naming no field (the object as a whole) sits on the root.
import type { ErrorSchema } from '@rjsf/utils';

export interface FieldIssue {
  path?: string;
  message: string;
}

/** The part of `path` below `root`: `variables.budget` below `variables` is `.budget`; other paths as they are. */
function below(path: string, root: string): string {
  if (root === '') return path;
  if (path === root) return '';
  return path.startsWith(`${root}.`) || path.startsWith(`${root}[`) ? path.slice(root.length) : path;
}

/**
 * A path's field segments: `limits.max` -> ['limits', 'max']; `stages[2]` -> ['stages', '2'];
 * `variables.a.b[2]["first name"]` below `variables` -> ['a', 'b', '2', 'first name'].
 */
export function fieldPath(path: string, root = ''): string[] {
  const rest = below(path, root);
  const segment = /\.([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  const segments: string[] = [];
  for (const match of `.${rest}`.matchAll(segment)) segments.push(match[1] ?? match[2] ?? JSON.parse(`"${match[3] ?? ''}"`));
  return segments;
}

/** The issues by field, several on one field kept in order; paths read below `root` (see fieldPath). */
export function errorSchemaOf(issues: readonly FieldIssue[], root = ''): ErrorSchema {
  const schema: ErrorSchema = {};
  for (const issue of issues) {
    let node = schema as Record<string, unknown> & { __errors?: string[] };
    for (const key of fieldPath(issue.path ?? '', root)) {
      node[key] ??= {};
      node = node[key] as typeof node;
    }
    node.__errors = [...(node.__errors ?? []), issue.message];
  }
  return schema;
}
