// Deploy-time check of `stageflow:completedByVariable` on a user task: the variable that receives
// the username of who completed the task. A literal name (an expression could only fail at run time).
import type { ModdleElement } from 'bpmn-moddle';
import { isVariableName } from './compile-business-rule-task.js';

/** The variable name, undefined when the attribute is absent, or why it is refused. */
export function checkCompletedByVariable(element: ModdleElement): { ok: true; name: string | undefined } | { ok: false; message: string } {
  const raw = element.completedByVariable;
  if (raw === undefined || raw === null) return { ok: true, name: undefined };
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name === '') return { ok: false, message: 'stageflow:completedByVariable must name a variable' };
  if (!isVariableName(name)) return { ok: false, message: `stageflow:completedByVariable '${name}' is not a variable name` };
  return { ok: true, name };
}
