// createTask: an ad-hoc task on the instance's task list (user_tasks, source `action`) — no
// token waits for it: completing it only closes it, and the service task that created it has
// already moved on. Title and description are rendered; `dueIn` (ISO 8601 duration) counts from
// the database clock; `assignment` picks the assignee with AssignmentService in the run's
// transaction (a round-robin turn is taken only if the run commits), with the work's territory
// from the variable `territory` as for user tasks. No assignment, or nobody found: the task
// goes to the unsorted queue that managers work. The task id is derived from the run's
// idempotency key: one task per run. Like every task of the instance, it is cancelled if the
// instance ends while it is open.
import { Injectable } from '@nestjs/common';
import { parseIsoDuration, type CreateTaskAction } from '@stageflow/process-package';
import { AssignmentService } from '../assignment/assignment.service.js';
import type { TaskAssignmentRecord } from '../assignment/task-assignment-record.js';
import { UNSORTED_QUEUE } from '../../platform/identity/teams/unsorted-queue.js';
import { uuidFrom } from '../../platform/database/uuid-from.js';
import { HistoryRepository, type HistoryEntry } from '../process-instances/history.repository.js';
import { UserTasksRepository } from '../tasks/user-tasks.repository.js';
import { INVALID_ACTION_INPUT } from './action-errors.js';
import type { ActionOutcome, ActionRunContext, ActionRunner } from './action-runner.js';

const MAX_TITLE = 500;

@Injectable()
export class CreateTaskRunner implements ActionRunner<'createTask'> {
  readonly type = 'createTask' as const;

  constructor(
    private readonly assignments: AssignmentService,
    private readonly tasks: UserTasksRepository,
    private readonly history: HistoryRepository,
  ) {}

  async run(action: CreateTaskAction, context: ActionRunContext): Promise<ActionOutcome> {
    const title = action.title.trim();
    if (title === '' || title.length > MAX_TITLE)
      return {
        kind: 'failed',
        errorCode: INVALID_ACTION_INPUT,
        message: `createTask: the title rendered ${title === '' ? 'empty' : `longer than ${MAX_TITLE} characters`}`,
      };
    let dueInSeconds: number | null = null;
    if (action.dueIn !== undefined) {
      const due = parseIsoDuration(action.dueIn);
      if (!due.ok) return { kind: 'failed', errorCode: INVALID_ACTION_INPUT, message: `createTask: dueIn ${due.message}` };
      dueInSeconds = due.seconds;
    }
    let assignee: string | null = null;
    let record: TaskAssignmentRecord | null = null;
    if (action.assignment !== undefined) {
      const { strategy, team, skills } = action.assignment;
      const outcome = await this.assignments.assign({ strategy, team, skills, territory: context.variables.territory }, context.tx);
      assignee = outcome.assignee;
      record = { strategy: outcome.strategy, requestedStrategy: outcome.requestedStrategy, reason: outcome.reason, ruleSet: null };
    }
    const taskId = uuidFrom(`action-task\u0000${context.idempotencyKey}`);
    const groups = assignee === null ? [UNSORTED_QUEUE] : [];
    const created = await this.tasks.insertAdHoc(
      {
        id: taskId,
        processInstanceId: context.processInstanceId,
        elementId: context.elementId,
        name: title,
        description: action.description ?? null,
        assignee,
        candidateGroups: groups,
        dueInSeconds,
        variables: context.variables,
        assignment: record,
      },
      context.tx,
    );
    if (created) {
      const event = (name: 'task-created' | 'task-assigned', payload: object): HistoryEntry => ({
        processInstanceId: context.processInstanceId,
        elementId: context.elementId,
        elementType: 'bpmn:UserTask',
        event: name,
        payload,
      });
      const history = [event('task-created', { taskId, source: 'action' })];
      if (record !== null) history.push(event('task-assigned', { taskId, user: assignee, ...record }));
      await this.history.append(history, context.tx);
    }
    return { kind: 'completed', note: `created task ${taskId}${record === null ? ' (unassigned: unsorted queue)' : `; ${record.reason}`}` };
  }
}
