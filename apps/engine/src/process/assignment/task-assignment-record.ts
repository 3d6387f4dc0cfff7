// How a task's current assignee was chosen, kept on the task (user_tasks.assignment) and in
// its `task-assigned` history entry.
import type { AssignmentStrategy } from '@stageflow/process-package';

export interface TaskAssignmentRecord {
  /** `manual`: a manager assigned it (POST /tasks/{id}/assign). */
  strategy: AssignmentStrategy | 'manual';
  /** The strategy the rule asked for (differs from `strategy` when it found nobody). */
  requestedStrategy: AssignmentStrategy | 'manual';
  reason: string;
  /** The assignment rule set, for a strategy; null for a manual assignment. */
  ruleSet: string | null;
  /** The manager, for a manual assignment. */
  by?: string;
}
