// /api/v1/tasks: list, read, claim, unclaim, assign, complete.
import type { ProcessVariables } from '@stageflow/process-package';
import {
  array,
  described,
  instant,
  integer,
  named,
  nullable,
  object,
  optional,
  page,
  ref,
  string,
  stringEnum,
  uuid,
  variables,
  type PropertiesOf,
} from '../schemas/json-schema.js';
import { taskFormRefSchema, type TaskFormRef } from './forms.contract.js';
import { processInstanceSchema, type ProcessInstanceView } from './process-instances.contract.js';

export type TaskState = 'created' | 'completed' | 'cancelled';
export type TaskSource = 'bpmn' | 'action';
export type AssignmentStrategy = 'territoryOwner' | 'roundRobin' | 'leastOpenTasks' | 'skillMatch' | 'unsorted' | 'manual';

/** How the assignee was chosen (docs/rules.md#assignment). */
export interface TaskAssignmentView {
  /** The strategy that decided: `unsorted` when the requested one found nobody; `manual` when a manager assigned. */
  strategy: AssignmentStrategy;
  requestedStrategy: AssignmentStrategy;
  /** Why this user (or why nobody), in words. */
  reason: string;
  /** The assignment rule set (stageflow:assignment); null for a manual assignment. */
  ruleSet: string | null;
  /** The manager, for a manual assignment. */
  by?: string;
}

/** The CRM record a task is about: its instance's business key names it (`<type>:<id>`) and the caller sees it. */
export interface TaskRecordView {
  /** The record type: organization, contact, lead, opportunity, activity. */
  type: string;
  id: string;
  /** The record's title (an opportunity's name, a contact's full name, …). */
  title: string;
}

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
  state: TaskState;
  completedAt: string | null;
  completedBy: string | null;
  variables: ProcessVariables;
  /** How the assignee was chosen; null for tasks assigned otherwise. */
  assignment: TaskAssignmentView | null;
  /** bpmn: a user task of the diagram; action: an ad-hoc task made by a createTask action. */
  source: TaskSource;
  /** Ad-hoc tasks: the rendered description; null for user tasks. */
  description: string | null;
  /** The CRM record the task is about, when its instance's business key names one the caller sees; null otherwise. */
  record: TaskRecordView | null;
}

/** GET /tasks/{id}: a task with the form the web app renders for it. */
export interface TaskDetailView extends TaskView {
  form: TaskFormRef | null;
}

/** The answer of a completion: the task and its instance after the command. */
export interface CompletedTaskView extends TaskView {
  processInstance: ProcessInstanceView;
}

/** The stages of one process, as the latest version of its diagram names them (`stageflow:stage`), sorted by name. */
export interface TaskStagesOfProcessView {
  processKey: string;
  processName: string | null;
  stages: string[];
}

/** GET /tasks/stages: what `GET /tasks?stage=` can filter by — the processes that have stages. */
export interface TaskStageListView {
  items: TaskStagesOfProcessView[];
}

/** Longest stage name `GET /tasks?stage=` accepts. */
export const TASK_STAGE_MAX_LENGTH = 200;

export interface AssignTaskRequest {
  /** Username of an existing user. */
  assignee: string;
}

const strategies: readonly AssignmentStrategy[] = ['territoryOwner', 'roundRobin', 'leastOpenTasks', 'skillMatch', 'unsorted', 'manual'];

const assignment = described(
  nullable(
    object<TaskAssignmentView>({
      strategy: stringEnum(strategies, 'The strategy that decided: `unsorted` when the requested one found nobody; `manual` when a manager assigned.'),
      requestedStrategy: stringEnum(strategies),
      reason: described(string, 'Why this user (or why nobody), in words.'),
      ruleSet: nullable(described(string, 'The assignment rule set (stageflow:assignment); null for a manual assignment.')),
      by: optional(described(string, 'The manager, for a manual assignment.')),
    }),
  ),
  'How the assignee was chosen (docs/rules.md#assignment); null for tasks assigned otherwise.',
);

export const taskProperties: PropertiesOf<TaskView> = {
  id: uuid,
  name: nullable(string),
  elementId: string,
  processInstanceId: uuid,
  assignee: nullable(string),
  candidateGroups: array(string),
  dueAt: nullable(instant),
  priority: nullable(integer),
  formKey: nullable(string),
  createdAt: instant,
  state: stringEnum(['created', 'completed', 'cancelled']),
  completedAt: nullable(instant),
  completedBy: nullable(string),
  variables,
  assignment,
  source: stringEnum(
    ['bpmn', 'action'],
    'bpmn: a user task of the diagram; action: an ad-hoc task made by a createTask action (completing it does not move the instance).',
  ),
  description: nullable(string),
  record: described(
    nullable(
      object<TaskRecordView>({
        type: described(string, 'The record type: organization, contact, lead, opportunity, activity.'),
        id: uuid,
        title: described(string, 'The record’s title.'),
      }),
    ),
    'The CRM record the task is about (its instance’s business key `<type>:<id>`), when the caller sees it; null otherwise.',
  ),
};

export const taskSchema = named<TaskView>('task', taskProperties);

export const taskDetailSchema = named<TaskDetailView>('task-detail', { ...taskProperties, form: taskFormRefSchema });

export const taskPageSchema = page('task-page', taskSchema);

export const completedTaskSchema = named<CompletedTaskView>('completed-task', { ...taskProperties, processInstance: ref(processInstanceSchema) });

export const assignTaskRequestSchema = named<AssignTaskRequest>('assign-task-request', {
  assignee: described(string, 'Username of an existing user.'),
});

export const taskStageListSchema = named<TaskStageListView>('task-stage-list', {
  items: array(
    object<TaskStagesOfProcessView>({
      processKey: string,
      processName: nullable(string),
      stages: described(array(string), 'Each stage once, sorted by name.'),
    }),
  ),
});
