// For service specs: UserTasksRepository over an array of rows, answering as its SQL does (a claim
// only of an open task nobody else holds, an assignment only of an open task, ...), with the
// history events its one-statement writes append.
import type { Paging } from '../../platform/http/input.js';
import type { TaskAssignmentRecord } from '../assignment/task-assignment-record.js';
import type { HistoryEntry } from '../process-instances/history.repository.js';
import type { UserTaskRow } from './user-task.row.js';
import type { NewAdHocTask, TaskEventRow, UserTaskOrder, UserTaskRowFilter, UserTasksRepository } from './user-tasks.repository.js';

export class FakeUserTasksRepository implements Pick<UserTasksRepository, keyof UserTasksRepository> {
  rows: UserTaskRow[] = [];
  /** History events written together with a change (assign, completion without a command). */
  readonly events: HistoryEntry[] = [];

  seed(task: Partial<UserTaskRow> & Pick<UserTaskRow, 'id'>): UserTaskRow {
    const row: UserTaskRow = {
      process_instance_id: '20000000-0000-4000-8000-000000000001',
      element_id: 'qualify',
      name: 'Qualify',
      assignee: null,
      candidate_groups: ['sales'],
      due_at: null,
      priority: null,
      form_key: null,
      state: 'created',
      variables: {},
      created_at: new Date(`2026-01-01T00:00:${String(this.rows.length).padStart(2, '0')}Z`),
      completed_at: null,
      completed_by: null,
      assignment: null,
      source: 'bpmn',
      description: null,
      ...task,
    };
    this.rows.push(row);
    return row;
  }

  /** No instances here: the timeline's task events are read by the API suites. */
  async eventsOfBusinessKey(): Promise<TaskEventRow[]> {
    return [];
  }

  row(id: string): UserTaskRow | undefined {
    return this.rows.find((row) => row.id === id);
  }

  /** `recordType`, `processKey` and `stage` need the instances and their diagrams, which this fake has not: the API suites read them. */
  async page(filter: UserTaskRowFilter, paging: Paging, order: UserTaskOrder = 'created'): Promise<{ rows: UserTaskRow[]; total: number }> {
    const matching = this.rows
      .filter((t) => filter.assignee === undefined || t.assignee === filter.assignee)
      .filter((t) => filter.candidateGroup === undefined || t.candidate_groups.includes(filter.candidateGroup))
      .filter((t) => filter.processInstanceId === undefined || t.process_instance_id === filter.processInstanceId)
      .filter((t) => filter.state === undefined || t.state === filter.state)
      .filter(
        (t) => filter.openUnassignedIn === undefined || (t.candidate_groups.includes(filter.openUnassignedIn) && t.assignee === null && t.state === 'created'),
      )
      .filter(
        (t) =>
          filter.visibleTo === undefined ||
          t.assignee === filter.visibleTo.username ||
          t.candidate_groups.some((group) => filter.visibleTo?.groups.includes(group)),
      )
      .filter((t) => filter.dueBefore === undefined || (t.due_at !== null && t.due_at < filter.dueBefore))
      .sort(order === 'due' ? byDue : (a, b) => b.created_at.getTime() - a.created_at.getTime() || (a.id < b.id ? -1 : 1));
    return { rows: matching.slice(paging.offset, paging.offset + paging.limit).map((row) => ({ ...row })), total: matching.length };
  }

  async byId(id: string): Promise<UserTaskRow | undefined> {
    const row = this.row(id);
    return row ? { ...row } : undefined;
  }

  async claim(id: string, username: string): Promise<boolean> {
    const row = this.row(id);
    if (!row || row.state !== 'created' || (row.assignee !== null && row.assignee !== username)) return false;
    row.assignee = username;
    return true;
  }

  async release(id: string): Promise<boolean> {
    const row = this.row(id);
    if (!row || row.state !== 'created') return false;
    row.assignee = null;
    return true;
  }

  async assign(id: string, assignee: string, record: TaskAssignmentRecord, leaving: string, event: object): Promise<boolean> {
    const row = this.row(id);
    if (!row || row.state !== 'created') return false;
    row.assignee = assignee;
    row.candidate_groups = row.candidate_groups.filter((group) => group !== leaving);
    row.assignment = record;
    this.events.push({
      processInstanceId: row.process_instance_id,
      elementId: row.element_id,
      elementType: 'bpmn:UserTask',
      event: 'task-assigned',
      payload: event,
    });
    return true;
  }

  async completeWithoutCommand(id: string, username: string, event: object): Promise<Date | undefined> {
    const row = this.row(id);
    if (!row || row.state !== 'created') return undefined;
    row.state = 'completed';
    row.completed_at = new Date('2026-01-02T00:00:00Z');
    row.completed_by = username;
    this.events.push({
      processInstanceId: row.process_instance_id,
      elementId: row.element_id,
      elementType: 'bpmn:UserTask',
      event: 'task-completed',
      payload: event,
    });
    return row.completed_at;
  }

  async insertAdHoc(task: NewAdHocTask): Promise<boolean> {
    if (this.row(task.id)) return false;
    this.seed({ id: task.id, process_instance_id: task.processInstanceId, element_id: task.elementId, name: task.name, source: 'action' });
    return true;
  }

  /** Replaces every match of `pattern` (a regular expression, case-insensitive) in the names of these instances' tasks. */
  async scrub(processInstanceIds: readonly string[], pattern: string, replacement: string): Promise<void> {
    const regex = new RegExp(pattern, 'gi');
    for (const row of this.rows) if (processInstanceIds.includes(row.process_instance_id) && row.name) row.name = row.name.replace(regex, replacement);
  }
}

/** Soonest due first (none last), then the highest priority (none last), then the oldest. */
function byDue(a: UserTaskRow, b: UserTaskRow): number {
  const due = (a.due_at?.getTime() ?? Infinity) - (b.due_at?.getTime() ?? Infinity);
  if (due !== 0 && !Number.isNaN(due)) return due;
  const priority = (b.priority ?? -Infinity) - (a.priority ?? -Infinity);
  if (priority !== 0 && !Number.isNaN(priority)) return priority;
  return a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : 1);
}
