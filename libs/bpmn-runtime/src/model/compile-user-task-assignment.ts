// Deploy-time check of `stageflow:assignment` on a user task: the key of the assignment rule
// set that decides who gets the task, as a literal (the engine checks at deploy that the key is
// an assignment rule set of the deployment or already deployed; a FEEL key could only fail at
// run time).
import type { ModdleElement } from 'bpmn-moddle';
import { RULE_SET_KEY } from './compile-business-rule-task.js';

/** The key, undefined when the attribute is absent, or why it is refused. */
export function checkUserTaskAssignment(element: ModdleElement): { ok: true; key: string | undefined } | { ok: false; message: string } {
  const raw = element.assignment;
  if (raw === undefined || raw === null) return { ok: true, key: undefined };
  const key = typeof raw === 'string' ? raw.trim() : '';
  if (key === '') return { ok: false, message: 'stageflow:assignment must name an assignment rule set (its key)' };
  if (key.startsWith('=')) {
    return { ok: false, message: `stageflow:assignment must be a rule-set key, not an expression ('${key}'): the engine checks the key at deploy` };
  }
  if (!RULE_SET_KEY.test(key))
    return { ok: false, message: `stageflow:assignment '${key}' is not a rule-set key (letters, digits, _ . -; at most 100 characters)` };
  return { ok: true, key };
}
