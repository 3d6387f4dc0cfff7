// One action (of an `actions` rule set or of an action template) checked against the schema of
// its type, then its free JSON (setVariables / startProcess `variables`) as process variables.
// Shared so that both resources report the same problems with the same paths.
import { parseIsoDuration } from '../durations/iso-duration.js';
import { compileLooseSchema } from '../validation/schema-compiler.js';
import { validateWith } from '../validation/validate-with.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { validateVariables } from '../variables/validate-variables.js';
import { actionSchemas } from './rule-set.schema.js';

const actionValidators = Object.fromEntries(Object.entries(actionSchemas).map(([type, schema]) => [type, compileLooseSchema(schema)]));
const actionTypes = Object.keys(actionSchemas);

/** Problems of `action` at `path` (e.g. `rules[0].result.actions[1]`, `action`); `[]` when valid. */
export function checkAction(action: unknown, path: string): ValidationIssue[] {
  const isObject = typeof action === 'object' && action !== null && !Array.isArray(action);
  const type = isObject && typeof (action as { type?: unknown }).type === 'string' ? (action as { type: string }).type : '';
  const validator = actionValidators[type];
  if (validator === undefined) {
    return [
      {
        path: isObject ? `${path}.type` : path,
        message: isObject ? `must be one of ${actionTypes.map((t) => JSON.stringify(t)).join(', ')}` : 'must be an object',
      },
    ];
  }
  const issues = validateWith(validator, action, path);
  if (issues.length > 0) return issues;
  const { variables, dueIn, dueAt, fields } = action as { variables?: unknown; dueIn?: unknown; dueAt?: unknown; fields?: unknown };
  if (typeof dueIn === 'string') {
    const due = parseIsoDuration(dueIn);
    if (!due.ok) return [{ path: `${path}.dueIn`, message: due.message }];
    if (dueAt !== undefined) return [{ path: `${path}.dueIn`, message: 'must not be given with dueAt (one due time)' }];
  }
  // A record action's fields are JSON like variables (no __proto__, bounded depth).
  if (fields !== undefined) return validateVariables(fields, `${path}.fields`);
  return variables === undefined ? [] : validateVariables(variables, `${path}.variables`);
}
