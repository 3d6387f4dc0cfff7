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
import { INVALID_ACTION_INPUT } from './action-errors.js';
import type { ActionOutcome, ActionRunContext, ActionRunner } from './action-runner.js';

const MAX_TITLE = 500;

@Injectable()
export class CreateTaskRunner implements ActionRunner<'createTask'> {
  readonly type = 'createTask' as const;

  constructor(private readonly assignments: AssignmentService) {}

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
    const created: unknown[] = await context.tx.query(
      `INSERT INTO user_tasks (id, process_instance_id, element_id, name, description, assignee, candidate_groups, due_at, state, variables, created_at, source, assignment)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text[], CASE WHEN $8::float8 IS NULL THEN NULL ELSE now() + make_interval(secs => $8::float8) END, 'created', $9::jsonb, now(), 'action', $10::jsonb)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        taskId,
        context.processInstanceId,
        context.elementId,
        title,
        action.description ?? null,
        assignee,
        groups,
        dueInSeconds,
        JSON.stringify(context.variables),
        record === null ? null : JSON.stringify(record),
      ],
    );
    if (created.length > 0) {
      const history: { event: string; payload: Record<string, unknown> }[] = [{ event: 'task-created', payload: { taskId, source: 'action' } }];
      if (record !== null) history.push({ event: 'task-assigned', payload: { taskId, user: assignee, ...record } });
      for (const entry of history) {
        await context.tx.query(
          `INSERT INTO history (process_instance_id, element_id, element_type, event, at, payload) VALUES ($1, $2, 'bpmn:UserTask', $3, now(), $4::jsonb)`,
          [context.processInstanceId, context.elementId, entry.event, JSON.stringify(entry.payload)],
        );
      }
    }
    return { kind: 'completed', note: `created task ${taskId}${record === null ? ' (unassigned: unsorted queue)' : `; ${record.reason}`}` };
  }
}
