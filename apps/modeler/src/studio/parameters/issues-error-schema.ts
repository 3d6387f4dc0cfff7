// The engine's parameter issues (`{path, message}`, path as `slaHours`, `stages[2]`, `limits.max`)
// as rjsf's ErrorSchema, so each message shows under its field; an issue of the whole object
// (path '') goes on the root.
import type { ErrorSchema } from '@rjsf/utils';

export interface FieldIssue {
  path?: string;
  message: string;
}

/** `limits.max` -> ['limits', 'max']; `stages[2]` -> ['stages', '2']. */
export function pathSegments(path: string): string[] {
  return path === '' ? [] : path.split(/\.|\[(\d+)\]/).filter((segment): segment is string => segment !== undefined && segment !== '');
}

export function issuesToErrorSchema(issues: readonly FieldIssue[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = root;
    for (const segment of pathSegments(issue.path ?? '')) {
      const next = (node[segment] as Record<string, unknown> | undefined) ?? {};
      node[segment] = next;
      node = next;
    }
    node.__errors = [...((node.__errors as string[] | undefined) ?? []), issue.message];
  }
  return root as ErrorSchema;
}
