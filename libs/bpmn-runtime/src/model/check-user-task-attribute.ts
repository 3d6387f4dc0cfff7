// Deploy-time check of a user task's stageflow attributes: each is FEEL (`= expr`, which must
// parse) or a literal, and the literal priority and due date must be what the engine can read.
import { isFeelExpression, parseFeel } from '../feel/feel-expression.js';
import { toDueInstant } from '../feel/feel-values.js';

export const USER_TASK_ATTRIBUTES = ['assignee', 'candidateGroups', 'dueDate', 'priority', 'formKey'] as const;
export type UserTaskAttribute = (typeof USER_TASK_ATTRIBUTES)[number];

/** Why the engine refuses this (non-blank) value of the attribute, or undefined. */
export function userTaskAttributeProblem(property: UserTaskAttribute, value: string): string | undefined {
  if (isFeelExpression(value)) {
    const parsed = parseFeel(value);
    return parsed.ok ? undefined : `stageflow:${property}: invalid FEEL '${value}': ${parsed.message}`;
  }
  if (property === 'priority' && !/^-?\d+$/.test(value.trim())) return `stageflow:priority must be an integer or a FEEL expression, got '${value}'`;
  if (property === 'dueDate' && !toDueInstant(value, '2000-01-01T00:00:00Z').ok) {
    return `stageflow:dueDate must be an ISO 8601 date-time or duration (e.g. P3D) or a FEEL expression, got '${value}'`;
  }
  return undefined;
}
