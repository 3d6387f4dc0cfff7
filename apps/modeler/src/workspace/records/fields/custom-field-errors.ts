// The engine's problems with custom fields (paths below `custom`: `segment`, `tags.1`) as rjsf's
// ErrorSchema, so each shows under its input in the custom-field form.
import type { ErrorSchema } from '@rjsf/utils';

export function customErrorSchema(issues: readonly { path: string; message: string }[]): ErrorSchema {
  const root: Record<string, unknown> & { __errors?: string[] } = {};
  for (const issue of issues) {
    let node = root;
    for (const key of issue.path.split(/[.[\]]+/).filter((part) => part !== '')) {
      node[key] ??= {};
      node = node[key] as typeof root;
    }
    node.__errors = [...(node.__errors ?? []), issue.message];
  }
  return root as ErrorSchema;
}
