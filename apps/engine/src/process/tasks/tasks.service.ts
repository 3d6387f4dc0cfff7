import { Injectable } from '@nestjs/common';
import type { Variables } from '@stageflow/bpmn-runtime';
import { seesAllTasks, type Principal } from '../../platform/identity/auth/principal.js';
import { Invalid, Forbidden, NotFound, Conflict } from '../../platform/errors/domain-errors.js';
import type { Page, Paging } from '../../platform/http/input.js';
import { InstanceCommandsService, type InstanceSnapshot } from '../execution/instance-commands.service.js';
import { ProcessInstancesService } from '../process-instances/process-instances.service.js';
import { HistoryRepository } from '../process-instances/history.repository.js';
import { UsersRepository } from '../../platform/identity/users/users.repository.js';
import type { TaskAssignmentRecord } from '../assignment/task-assignment-record.js';
import { UNSORTED_QUEUE } from '../../platform/identity/teams/unsorted-queue.js';
import { taskViewOf, type TaskView, type UserTaskRow, type UserTaskState } from './user-task.row.js';
import { UserTasksRepository, type UserTaskOrder } from './user-tasks.repository.js';
import { ProcessInstancesRepository } from '../process-instances/process-instances.repository.js';
import { TaskRecords } from './task-records.js';
import { InstanceBusinessKeys } from '../execution/instance-business-keys.js';
import { TaskFormVersions } from '../forms/task-form-versions.js';
import type { TaskFormRef } from '@stageflow/api-contract';

export type { TaskView } from './user-task.row.js';

/** GET /tasks/{id}: the task with its form (stageflow:formKey, latest version), null when it names no deployed form. */
export type TaskDetail = TaskView & { form: TaskFormRef | null };

export interface TaskFilter {
  assignee?: string;
  candidateGroup?: string;
  processInstanceId?: string;
  state?: UserTaskState;
  /** `unsorted`: open tasks no strategy could assign, not yet assigned (managers only). */
  queue?: 'unsorted';
  /** Only tasks due before this instant. */
  dueBefore?: Date;
  /** Only tasks about a record of this type (organization, contact, lead, opportunity, activity). */
  recordType?: string;
  /** Only tasks of this process (its key). */
  processKey?: string;
  /** Only tasks whose element belongs to this stage (`stageflow:stage`). */
  stage?: string;
}

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: UserTasksRepository,
    private readonly history: HistoryRepository,
    private readonly users: UsersRepository,
    private readonly commands: InstanceCommandsService,
    private readonly instances: ProcessInstancesService,
    private readonly instanceRows: ProcessInstancesRepository,
    private readonly businessKeys: InstanceBusinessKeys,
    private readonly records: TaskRecords,
    private readonly forms: TaskFormVersions,
  ) {}

  async list(principal: Principal, filter: TaskFilter, paging: Paging, order: UserTaskOrder = 'created'): Promise<Page<TaskView>> {
    if (filter.queue === 'unsorted' && !seesAllTasks(principal)) throw new Forbidden('only managers and admins work the unsorted queue');
    const { rows, total } = await this.tasks.page(
      {
        assignee: filter.assignee,
        candidateGroup: filter.candidateGroup,
        processInstanceId: filter.processInstanceId,
        state: filter.state,
        openUnassignedIn: filter.queue === 'unsorted' ? UNSORTED_QUEUE : undefined,
        visibleTo: seesAllTasks(principal) ? undefined : { username: principal.username, groups: principal.groups },
        dueBefore: filter.dueBefore,
        recordType: filter.recordType,
        processKey: filter.processKey,
        stage: filter.stage,
      },
      paging,
      order,
    );
    return { items: await this.withRecords(principal, rows.map(taskViewOf)), total, offset: paging.offset, limit: paging.limit };
  }

  async get(principal: Principal, id: string): Promise<TaskView> {
    return (await this.withRecords(principal, [taskViewOf(await this.visibleTask(principal, id))]))[0]!;
  }

  /** One task with the form the web app renders for it. */
  async detail(principal: Principal, id: string): Promise<TaskDetail> {
    const view = await this.get(principal, id);
    const form = view.formKey === null ? undefined : await this.forms.latest(view.formKey);
    return { ...view, form: form ? { key: form.key, version: form.version, schema: form.schema } : null };
  }

  /**
   * A task whose stageflow:formKey names a deployed form completes only with variables its form
   * accepts (latest version): 400 naming each field, nothing changes. A key naming no deployed
   * form (a FEEL formKey, or a diagram deployed before forms) checks nothing.
   */
  private async checkForm(task: UserTaskRow, variables: Variables | undefined): Promise<void> {
    if (task.form_key === null) return;
    const form = await this.forms.latest(task.form_key);
    if (!form) return;
    const issues = form.check(variables ?? {});
    if (issues.length > 0) throw Invalid.body(issues);
  }

  /**
   * The record each task is about (its instance's business key), when the CRM provides the port:
   * the page's business keys (from this node's memory, else one statement), then the port's (one per
   * record type, only for tasks about a record). Without a port nothing is read and `record` stays null.
   */
  private async withRecords(principal: Principal, views: TaskView[]): Promise<TaskView[]> {
    if (!this.records.provided || views.length === 0) return views;
    const { known, unknown } = this.businessKeys.lookUp([...new Set(views.map((view) => view.processInstanceId))]);
    if (unknown.length > 0) {
      const read = await this.instanceRows.businessKeysOf(unknown);
      for (const id of unknown) {
        known.set(id, read.get(id) ?? null);
        this.businessKeys.remember(id, read.get(id) ?? null);
      }
    }
    const keys = new Map([...known].filter((entry): entry is [string, string] => entry[1] !== null));
    if (keys.size === 0) return views;
    const records = await this.records.of(principal, [...new Set(keys.values())]);
    return views.map((view) => {
      const key = keys.get(view.processInstanceId);
      return { ...view, record: (key === undefined ? undefined : records.get(key)) ?? null };
    });
  }

  async claim(principal: Principal, id: string): Promise<TaskView> {
    const task = await this.visibleTask(principal, id);
    if (!(await this.tasks.claim(id, principal.username))) return this.refuse(id, task.assignee === principal.username ? undefined : 'claim');
    await this.recordHistory(task, 'task-claimed', principal.username);
    return this.get(principal, id);
  }

  async unclaim(principal: Principal, id: string): Promise<TaskView> {
    const task = await this.visibleTask(principal, id);
    if (task.assignee !== null && task.assignee !== principal.username && !seesAllTasks(principal)) {
      throw new Forbidden(`task ${id} is claimed by another user`);
    }
    if (!(await this.tasks.release(id))) return this.refuse(id, 'unclaim');
    await this.recordHistory(task, 'task-unclaimed', principal.username);
    return this.get(principal, id);
  }

  /**
   * A manager gives the task to `assignee` (taking it out of the unsorted queue); the task's
   * assignment and a `task-assigned` history entry say who did, in one statement.
   */
  async assign(principal: Principal, id: string, assignee: string): Promise<TaskView> {
    const task = await this.visibleTask(principal, id);
    if ((await this.users.findIdByUsername(assignee)) === undefined) throw Invalid.field('assignee', `"${assignee}" is not a user`);
    const record: TaskAssignmentRecord = {
      strategy: 'manual',
      requestedStrategy: 'manual',
      reason: `assigned by ${principal.username}`,
      ruleSet: null,
      by: principal.username,
    };
    const assigned = await this.tasks.assign(id, assignee, record, UNSORTED_QUEUE, { taskId: task.id, user: assignee, ...record });
    if (!assigned) return this.refuse(id, 'assign');
    return this.get(principal, id);
  }

  async complete(principal: Principal, id: string, variables: Variables | undefined): Promise<TaskView & { processInstance: InstanceSnapshot }> {
    // The task is read with its instance, in the command's own read.
    let outcome;
    try {
      outcome = await this.commands.completeTask(
        id,
        variables,
        { userId: principal.userId, username: principal.username },
        (task) => {
          if (!this.canSee(principal, task)) throw new NotFound(`task ${id} not found`);
          if (task.state !== 'created') throw new Conflict(`task ${id} is already ${task.state}`, [{ taskId: id, state: task.state }]);
          if (!seesAllTasks(principal) && task.assignee !== null && task.assignee !== principal.username) {
            throw new Forbidden(`task ${id} is claimed by ${task.assignee}`);
          }
          if (task.source === 'action') throw new AdHocTaskFound(task);
        },
        { guard: (task) => this.checkForm(task, variables) },
      );
    } catch (error) {
      if (error instanceof AdHocTaskFound) return this.completeAdHoc(principal, error.task, variables);
      throw error;
    }
    const { task, instance, completed } = outcome;
    const view = taskViewOf(task);
    if (!completed) return { ...view, processInstance: instance };
    return { ...view, state: 'completed', completedAt: instance.updatedAt, completedBy: principal.username, processInstance: instance };
  }

  /**
   * An ad-hoc task (createTask action) is closed with its history row in one statement; no token
   * waits for it, so the instance does not move and there is nowhere for variables to go.
   */
  private async completeAdHoc(
    principal: Principal,
    task: UserTaskRow,
    variables: Variables | undefined,
  ): Promise<TaskView & { processInstance: InstanceSnapshot }> {
    if (variables !== undefined && Object.keys(variables).length > 0) {
      throw Invalid.field('variables', 'an ad-hoc task (made by a createTask action) takes no variables: no process step waits for it');
    }
    const completedAt = await this.tasks.completeWithoutCommand(task.id, principal.username, { taskId: task.id, source: 'action', variables: {} });
    if (!completedAt) return this.refuse(task.id, undefined);
    const instance = await this.instances.get(task.process_instance_id);
    return { ...taskViewOf(task), state: 'completed', completedAt: completedAt.toISOString(), completedBy: principal.username, processInstance: instance };
  }

  /** The task when the caller may see it; 404 otherwise (a seller does not learn that others' tasks exist). */
  private async visibleTask(principal: Principal, id: string): Promise<UserTaskRow> {
    const task = await this.tasks.byId(id);
    if (!task || !this.canSee(principal, task)) throw new NotFound(`task ${id} not found`);
    return task;
  }

  private canSee(principal: Principal, task: Pick<UserTaskRow, 'assignee' | 'candidate_groups'>): boolean {
    if (seesAllTasks(principal)) return true;
    if (task.assignee === principal.username) return true;
    return task.candidate_groups.some((group) => principal.groups.includes(group));
  }

  private async refuse(id: string, action: 'claim' | 'unclaim' | 'assign' | undefined): Promise<never> {
    const current = await this.tasks.byId(id);
    if (!current) throw new NotFound(`task ${id} not found`);
    if (current.state !== 'created') throw new Conflict(`task ${id} is already ${current.state}`, [{ taskId: id, state: current.state }]);
    throw new Conflict(`cannot ${action ?? 'change'} task ${id}: it is claimed by ${current.assignee ?? 'nobody'}`, [
      { taskId: id, assignee: current.assignee },
    ]);
  }

  private async recordHistory(task: UserTaskRow, event: 'task-claimed' | 'task-unclaimed', username: string): Promise<void> {
    await this.history.append([
      {
        processInstanceId: task.process_instance_id,
        elementId: task.element_id,
        elementType: 'bpmn:UserTask',
        event,
        payload: { taskId: task.id, by: username },
      },
    ]);
  }
}

/** Raised inside completeTask's read when the task turns out to be ad-hoc: no command runs for it. */
class AdHocTaskFound extends Error {
  constructor(readonly task: UserTaskRow) {
    super('an ad-hoc task is completed without a command');
  }
}
