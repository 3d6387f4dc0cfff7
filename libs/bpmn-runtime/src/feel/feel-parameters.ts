// Which package parameters a FEEL expression reads: the names after `params.` in its path
// expressions (`params.firstContactSlaHours`, `params.stages[1]`, `params.limits.max` -> `limits`).
// The deploy check of a package uses it to refuse a diagram naming a parameter the package does
// not declare, with the element and the name, before any instance evaluates it to null.
import { parseExpression } from 'feelin';
import { feelSource } from './feel-expression.js';

/** The parameter name at the root of a package parameter, as FEEL sees the parameters. */
export const PARAMETERS_VARIABLE = 'params';

/**
 * The parameter names read by a FEEL expression (given with or without its leading `=`), each
 * once, in order of appearance; `[]` when it reads none or does not parse (compileBpmn reports that).
 */
export function feelParameterNames(value: string): string[] {
  const source = feelSource(value);
  const names = new Set<string>();
  try {
    parseExpression(source, {}, undefined).iterate({
      enter(ref) {
        if (ref.name !== 'PathExpression') return undefined;
        const root = ref.node.firstChild;
        const path = root?.nextSibling?.nextSibling;
        if (root?.name === 'VariableName' && source.slice(root.from, root.to) === PARAMETERS_VARIABLE && path?.name === 'PathName') {
          names.add(source.slice(path.from, path.to));
        }
        return undefined;
      },
    });
  } catch {
    return [];
  }
  return [...names];
}
