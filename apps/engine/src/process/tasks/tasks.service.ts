import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Variables } from '@stageflow/bpmn-runtime';
import { DataSource, Repository } from 'typeorm';
import { seesAllTasks, type Principal } from '../../platform/identity/auth/principal.js';
import { Invalid, Forbidden, NotFound, Conflict } from '../../platform/errors/domain-errors.js';
import type { Page, Paging } from '../../platform/http/input.js';
import { InstanceCommandsService, type InstanceSnapshot } from '../execution/instance-commands.service.js';
import { InstanceStoreRepository, taskOf, TASK_COLUMNS, type TaskRecord, type TaskRow } from '../execution/instance-store.repository.js';
import { ProcessInstancesService } from '../process-instances/process-instances.service.js';
import { UserTaskEntity, type UserTaskSource, type UserTaskState } from './user-task.entity.js';
import type { TaskAssignmentRecord } from '../assignment/task-assignment-record.js';
import { UNSORTED_QUEUE } from '../../platform/identity/teams/unsorted-queue.js';

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
}

export interface TaskFilter {
  assignee?: string;
  candidateGroup?: string;
  processInstanceId?: string;
  state?: UserTaskState;
  /** `unsorted`: open tasks no strategy could assign, not yet assigned (managers only). */
  queue?: 'unsorted';
}

@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(UserTaskEntity) private readonly tasks: Repository<UserTaskEntity>,
    private readonly dataSource: DataSource,
    private readonly commands: InstanceCommandsService,
    private readonly store: InstanceStoreRepository,
    private readonly instances: ProcessInstancesService,
  ) {}

  /** Raw SQL on the prepared-statement path: the task list is read once per instance in a typical flow. */
  async list(principal: Principal, filter: TaskFilter, paging: Paging): Promise<Page<TaskView>> {
    const values: unknown[] = [];
    const param = (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    };
    const where: string[] = [];
    if (filter.assignee !== undefined) where.push(`t.assignee = ${param(filter.assignee)}::text`);
    if (filter.candidateGroup !== undefined) where.push(`t.candidate_groups @> ARRAY[${param(filter.candidateGroup)}::text]`);
    if (filter.processInstanceId !== undefined) where.push(`t.process_instance_id = ${param(filter.processInstanceId)}::uuid`);
    if (filter.state !== undefined) where.push(`t.state = ${param(filter.state)}::text`);
    if (filter.queue === 'unsorted') {
      if (!seesAllTasks(principal)) throw new Forbidden('only managers and admins work the unsorted queue');
      where.push(`t.candidate_groups @> ARRAY[${param(UNSORTED_QUEUE)}::text] AND t.assignee IS NULL AND t.state = 'created'`);
    }
    if (!seesAllTasks(principal)) {
      const me = `t.assignee = ${param(principal.username)}::text`;
      where.push(principal.groups.length > 0 ? `(${me} OR t.candidate_groups && ${param(principal.groups)}::text[])` : me);
    }
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const filterValues = [...values];
    const rows = await this.store.query<TaskRecord>(
      `SELECT ${TASK_COLUMNS} FROM user_tasks t ${condition} ORDER BY t.created_at DESC, t.id ASC LIMIT ${param(paging.limit)}::int OFFSET ${param(paging.offset)}::int`,
      values,
    );
    // A short page that is not past the end tells the total without counting.
    const total =
      rows.length < paging.limit && (rows.length > 0 || paging.offset === 0)
        ? paging.offset + rows.length
        : ((await this.store.query<{ total: number }>(`SELECT count(*)::int AS total FROM user_tasks t ${condition}`, filterValues))[0]?.total ?? 0);
    return { items: rows.map((row) => this.toView(taskOf(row))), total, offset: paging.offset, limit: paging.limit };
  }

  async get(principal: Principal, id: string): Promise<TaskView> {
    return this.toView(await this.visibleTask(principal, id));
  }

  async claim(principal: Principal, id: string): Promise<TaskView> {
    const task = await this.visibleTask(principal, id);
    const rows: unknown[] = await this.dataSource.query(
      `WITH claimed AS (UPDATE user_tasks SET assignee = $2 WHERE id = $1 AND state = 'created' AND (assignee IS NULL OR assignee = $2) RETURNING id)
       SELECT id FROM claimed`,
      [id, principal.username],
    );
    if (rows.length === 0) return this.refuse(id, task.assignee === principal.username ? undefined : 'claim');
    await this.recordHistory(task, 'task-claimed', principal.username);
    return this.get(principal, id);
  }

  async unclaim(principal: Principal, id: string): Promise<TaskView> {
    const task = await this.visibleTask(principal, id);
    if (task.assignee !== null && task.assignee !== principal.username && !seesAllTasks(principal)) {
      throw new Forbidden(`task ${id} is claimed by another user`);
    }
    const rows: unknown[] = await this.dataSource.query(
      `WITH released AS (UPDATE user_tasks SET assignee = NULL WHERE id = $1 AND state = 'created' RETURNING id) SELECT id FROM released`,
      [id],
    );
    if (rows.length === 0) return this.refuse(id, 'unclaim');
    await this.recordHistory(task, 'task-unclaimed', principal.username);
    return this.get(principal, id);
  }

  /**
   * A manager gives the task to `assignee` (taking it out of the unsorted queue); the task's
   * assignment and a `task-assigned` history entry say who did, in one statement.
   */
  async assign(principal: Principal, id: string, assignee: string): Promise<TaskView> {
    const task = await this.visibleTask(principal, id);
    const users: unknown[] = await this.dataSource.query('SELECT id FROM users WHERE username = $1', [assignee]);
    if (users.length === 0) throw Invalid.field('assignee', `"${assignee}" is not a user`);
    const record: TaskAssignmentRecord = {
      strategy: 'manual',
      requestedStrategy: 'manual',
      reason: `assigned by ${principal.username}`,
      ruleSet: null,
      by: principal.username,
    };
    const rows: unknown[] = await this.dataSource.query(
      `WITH assigned AS (
         UPDATE user_tasks SET assignee = $2, candidate_groups = array_remove(candidate_groups, $3::text), assignment = $4::jsonb
          WHERE id = $1 AND state = 'created' RETURNING id, process_instance_id, element_id),
       logged AS (
         INSERT INTO history (process_instance_id, element_id, element_type, event, at, payload)
         SELECT process_instance_id, element_id, 'bpmn:UserTask', 'task-assigned', now(), $5::jsonb FROM assigned)
       SELECT id FROM assigned`,
      [id, assignee, UNSORTED_QUEUE, JSON.stringify(record), JSON.stringify({ taskId: task.id, user: assignee, ...record })],
    );
    if (rows.length === 0) return this.refuse(id, 'assign');
    return this.get(principal, id);
  }

  async complete(principal: Principal, id: string, variables: Variables | undefined): Promise<TaskView & { processInstance: InstanceSnapshot }> {
    // The task is read with its instance, in the command's own read.
    let outcome;
    try {
      outcome = await this.commands.completeTask(id, variables, { userId: principal.userId, username: principal.username }, (task) => {
        if (!this.canSee(principal, task)) throw new NotFound(`task ${id} not found`);
        if (task.state !== 'created') throw new Conflict(`task ${id} is already ${task.state}`, [{ taskId: id, state: task.state }]);
        if (!seesAllTasks(principal) && task.assignee !== null && task.assignee !== principal.username) {
          throw new Forbidden(`task ${id} is claimed by ${task.assignee}`);
        }
        if (task.source === 'action') throw new AdHocTaskFound(task);
      });
    } catch (error) {
      if (error instanceof AdHocTaskFound) return this.completeAdHoc(principal, error.task, variables);
      throw error;
    }
    const { task, instance, completed } = outcome;
    const view = this.toView(task);
    if (!completed) return { ...view, processInstance: instance };
    return { ...view, state: 'completed', completedAt: instance.updatedAt, completedBy: principal.username, processInstance: instance };
  }

  /**
   * An ad-hoc task (createTask action) is closed with its history row in one statement; no token
   * waits for it, so the instance does not move and there is nowhere for variables to go.
   */
  private async completeAdHoc(
    principal: Principal,
    task: TaskRow,
    variables: Variables | undefined,
  ): Promise<TaskView & { processInstance: InstanceSnapshot }> {
    if (variables !== undefined && Object.keys(variables).length > 0) {
      throw Invalid.field('variables', 'an ad-hoc task (made by a createTask action) takes no variables: no process step waits for it');
    }
    const rows: { completed_at: Date }[] = await this.dataSource.query(
      `WITH done AS (
         UPDATE user_tasks SET state = 'completed', completed_at = now(), completed_by = $2 WHERE id = $1 AND state = 'created' RETURNING id, process_instance_id, element_id, completed_at),
       logged AS (
         INSERT INTO history (process_instance_id, element_id, element_type, event, at, payload)
         SELECT process_instance_id, element_id, 'bpmn:UserTask', 'task-completed', completed_at, $3::jsonb FROM done)
       SELECT completed_at FROM done`,
      [task.id, principal.username, JSON.stringify({ taskId: task.id, source: 'action', variables: {} })],
    );
    const completedAt = rows[0]?.completed_at;
    if (!completedAt) return this.refuse(task.id, undefined);
    const instance = await this.instances.get(task.processInstanceId);
    return { ...this.toView(task), state: 'completed', completedAt: completedAt.toISOString(), completedBy: principal.username, processInstance: instance };
  }

  /** The task when the caller may see it; 404 otherwise (a seller does not learn that others' tasks exist). */
  private async visibleTask(principal: Principal, id: string): Promise<UserTaskEntity> {
    const task = await this.tasks.findOneBy({ id });
    if (!task || !this.canSee(principal, task)) throw new NotFound(`task ${id} not found`);
    return task;
  }

  private canSee(principal: Principal, task: Pick<UserTaskEntity, 'assignee' | 'candidateGroups'>): boolean {
    if (seesAllTasks(principal)) return true;
    if (task.assignee === principal.username) return true;
    return task.candidateGroups.some((group) => principal.groups.includes(group));
  }

  private async refuse(id: string, action: 'claim' | 'unclaim' | 'assign' | undefined): Promise<never> {
    const current = await this.tasks.findOneBy({ id });
    if (!current) throw new NotFound(`task ${id} not found`);
    if (current.state !== 'created') throw new Conflict(`task ${id} is already ${current.state}`, [{ taskId: id, state: current.state }]);
    throw new Conflict(`cannot ${action ?? 'change'} task ${id}: it is claimed by ${current.assignee ?? 'nobody'}`, [
      { taskId: id, assignee: current.assignee },
    ]);
  }

  private async recordHistory(task: UserTaskEntity, event: 'task-claimed' | 'task-unclaimed', username: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO history (process_instance_id, element_id, element_type, event, at, payload) VALUES ($1, $2, 'bpmn:UserTask', $3, now(), $4)`,
      [task.processInstanceId, task.elementId, event, JSON.stringify({ taskId: task.id, by: username })],
    );
  }

  private toView(row: UserTaskEntity | TaskRow): TaskView {
    return {
      id: row.id,
      name: row.name,
      elementId: row.elementId,
      processInstanceId: row.processInstanceId,
      assignee: row.assignee,
      candidateGroups: row.candidateGroups,
      dueAt: row.dueAt?.toISOString() ?? null,
      priority: row.priority,
      formKey: row.formKey,
      createdAt: row.createdAt.toISOString(),
      state: row.state,
      completedAt: row.completedAt?.toISOString() ?? null,
      completedBy: row.completedBy,
      variables: row.variables,
      assignment: row.assignment,
      source: row.source,
      description: row.description,
    };
  }
}

/** Raised inside completeTask's read when the task turns out to be ad-hoc: no command runs for it. */
class AdHocTaskFound extends Error {
  constructor(readonly task: TaskRow) {
    super('an ad-hoc task is completed without a command');
  }
}
