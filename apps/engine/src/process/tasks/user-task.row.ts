// `user_tasks`: the one row type of the table — what the task list reads, what a command reads
// with its instance, and what a node remembers of the tasks its last write created
// (RecentInstances) — and its one mapper to the API's view.
import type { Variables } from '@stageflow/bpmn-runtime';
import type { TaskAssignmentRecord } from '../assignment/task-assignment-record.js';
import type { TaskRecordView } from './task-records.js';

export type UserTaskState = 'created' | 'completed' | 'cancelled';

/** `bpmn`: a user task of the diagram (a token waits for it); `action`: an ad-hoc task of a createTask action. */
export type UserTaskSource = 'bpmn' | 'action';

/** A user task (its id is the interpreter's taskId), or an ad-hoc task a createTask action made. */
export interface UserTaskRow {
  id: string;
  process_instance_id: string;
  element_id: string;
  name: string | null;
  assignee: string | null;
  candidate_groups: string[];
  due_at: Date | null;
  priority: number | null;
  form_key: string | null;
  state: UserTaskState;
  /** Variables visible to the task when it was created (for forms). */
  variables: Variables;
  created_at: Date;
  completed_at: Date | null;
  completed_by: string | null;
  /** How the assignee was chosen by strategy or by a manager; null otherwise. */
  assignment: TaskAssignmentRecord | null;
  source: UserTaskSource;
  /** Ad-hoc tasks: the rendered description. */
  description: string | null;
}

/** The columns of a UserTaskRow, from `user_tasks t`. */
export const USER_TASK_COLUMNS = `t.id, t.process_instance_id, t.element_id, t.name, t.assignee, t.candidate_groups, t.due_at, t.priority, t.form_key,
  t.state, t.variables, t.created_at, t.completed_at, t.completed_by, t.assignment, t.source, t.description`;

export interface TaskView {
  id: string;
  name: string | null;
  elementId: string;
  processInstanceId: string;
  assignee: string | null;
  candidateGroups: string[];
  dueAt: string | null;
  priority: number | null;
  formKey: string | null;
  createdAt: string;
  state: UserTaskState;
  completedAt: string | null;
  completedBy: string | null;
  variables: Variables;
  /** How the assignee was chosen (strategy and reason, or a manager); null for tasks assigned otherwise. */
  assignment: TaskAssignmentRecord | null;
  /** `bpmn`: a user task of the diagram; `action`: an ad-hoc task a createTask action made. */
  source: UserTaskSource;
  /** Ad-hoc tasks: the rendered description; null for user tasks. */
  description: string | null;
  /** The CRM record the instance's business key names, if the caller sees it (task-records.ts); null otherwise. */
  record: TaskRecordView | null;
}

export function taskViewOf(row: UserTaskRow): TaskView {
  return {
    id: row.id,
    name: row.name,
    elementId: row.element_id,
    processInstanceId: row.process_instance_id,
    assignee: row.assignee,
    candidateGroups: row.candidate_groups,
    dueAt: row.due_at?.toISOString() ?? null,
    priority: row.priority,
    formKey: row.form_key,
    createdAt: row.created_at.toISOString(),
    state: row.state,
    completedAt: row.completed_at?.toISOString() ?? null,
    completedBy: row.completed_by,
    variables: row.variables,
    assignment: row.assignment,
    source: row.source,
    description: row.description,
    record: null,
  };
}
