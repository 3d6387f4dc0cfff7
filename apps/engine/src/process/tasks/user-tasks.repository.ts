// `user_tasks` outside commands: the task list (a named prepared statement, as the command reads:
// it is read once per instance in a typical flow), claims, assignments, ad-hoc tasks. A change
// that the audit trail records is written with its history event in one statement. Tasks of the
// diagram are created, completed and cancelled by the command write (InstanceStoreRepository).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import { SqlParams } from '../../platform/database/sql-params.js';
import type { Paging } from '../../platform/http/input.js';
import type { Queryable } from '../../platform/database/queryable.js';
import type { TaskAssignmentRecord } from '../assignment/task-assignment-record.js';
import { InstanceStoreRepository } from '../execution/instance-store.repository.js';
import { HISTORY_INSERT } from '../process-instances/history.repository.js';
import { USER_TASK_COLUMNS, type UserTaskRow, type UserTaskState } from './user-task.row.js';

export interface UserTaskRowFilter {
  assignee?: string;
  candidateGroup?: string;
  processInstanceId?: string;
  state?: UserTaskState;
  /** Open, unassigned tasks offered to this group (the unsorted queue). */
  openUnassignedIn?: string;
  /** Only tasks assigned to this user or offered to one of these groups. */
  visibleTo?: { username: string; groups: readonly string[] };
  /** Only tasks due before this instant (a task without a due time is never due). */
  dueBefore?: Date;
  /** Only tasks whose instance is about a record of this type (business key `<type>:<id>`). */
  recordType?: string;
  /** Only tasks of instances of this process (its key, any version). */
  processKey?: string;
  /** Only tasks whose element has this `stageflow:stage` in the version of the diagram their instance runs. */
  stage?: string;
}

/** `created`: newest first; `due`: soonest due first (none last), then the highest priority, then the oldest. */
export type UserTaskOrder = 'created' | 'due';

const ORDER_BY: Record<UserTaskOrder, string> = {
  created: 't.created_at DESC, t.id ASC',
  due: 't.due_at ASC NULLS LAST, t.priority DESC NULLS LAST, t.created_at ASC, t.id ASC',
};

/** A task's creation or completion, for a record's timeline. */
export interface TaskEventRow {
  kind: 'task-created' | 'task-completed';
  id: string;
  name: string | null;
  element_id: string;
  process_instance_id: string;
  assignee: string | null;
  at: Date;
  completed_by: string | null;
  sort_at: string;
  sort_key: string;
}

/** An ad-hoc task of a createTask action; its due time counts from the database clock. */
export interface NewAdHocTask {
  id: string;
  processInstanceId: string;
  elementId: string;
  name: string;
  description: string | null;
  assignee: string | null;
  candidateGroups: string[];
  dueInSeconds: number | null;
  variables: object;
  assignment: TaskAssignmentRecord | null;
}

/** How many open tasks each of `usernames` is assigned, read on `tx`: assignment counts them in the command's transaction. */
export async function openTaskCounts(usernames: readonly string[], tx: Queryable): Promise<Map<string, number>> {
  const counts = new Map<string, number>(usernames.map((username) => [username, 0]));
  if (usernames.length === 0) return counts;
  const rows = rowsOf<{ assignee: string; open_tasks: number }>(
    await tx.query(
      `SELECT t.assignee, count(*)::int AS open_tasks FROM user_tasks t WHERE t.assignee = ANY($1::text[]) AND t.state = 'created' GROUP BY t.assignee`,
      [usernames],
    ),
  );
  for (const row of rows) counts.set(row.assignee, row.open_tasks);
  return counts;
}

@Injectable()
export class UserTasksRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: InstanceStoreRepository,
  ) {}

  /** In `order` (newest first by default), with the number of all that match (counted only when the page does not tell). */
  async page(filter: UserTaskRowFilter, paging: Paging, order: UserTaskOrder = 'created'): Promise<{ rows: UserTaskRow[]; total: number }> {
    const sql = new SqlParams();
    const where: string[] = [];
    if (filter.assignee !== undefined) where.push(`t.assignee = ${sql.add(filter.assignee)}::text`);
    if (filter.candidateGroup !== undefined) where.push(`t.candidate_groups @> ARRAY[${sql.add(filter.candidateGroup)}::text]`);
    if (filter.processInstanceId !== undefined) where.push(`t.process_instance_id = ${sql.add(filter.processInstanceId)}::uuid`);
    if (filter.state !== undefined) where.push(`t.state = ${sql.add(filter.state)}::text`);
    if (filter.openUnassignedIn !== undefined)
      where.push(`t.candidate_groups @> ARRAY[${sql.add(filter.openUnassignedIn)}::text] AND t.assignee IS NULL AND t.state = 'created'`);
    if (filter.visibleTo !== undefined) {
      const me = `t.assignee = ${sql.add(filter.visibleTo.username)}::text`;
      where.push(filter.visibleTo.groups.length > 0 ? `(${me} OR t.candidate_groups && ${sql.add(filter.visibleTo.groups)}::text[])` : me);
    }
    if (filter.dueBefore !== undefined) where.push(`t.due_at < ${sql.add(filter.dueBefore)}::timestamptz`);
    if (filter.recordType !== undefined) {
      // The business key's type prefix, compared byte-wise: `lead:` never matches `leads:`.
      where.push(
        `EXISTS (SELECT 1 FROM process_instances i WHERE i.id = t.process_instance_id AND left(i.business_key, ${sql.add(filter.recordType.length + 1)}::int) = ${sql.add(`${filter.recordType}:`)}::text)`,
      );
    }
    if (filter.processKey !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM process_instances i WHERE i.id = t.process_instance_id AND i.definition_key = ${sql.add(filter.processKey)}::text)`);
    }
    if (filter.stage !== undefined) {
      // The stage of the task's element as its instance's version compiled it (graph.nodes[elementId].stage):
      // a task keeps the stage it was created in, whatever later versions call it.
      where.push(
        `EXISTS (SELECT 1 FROM process_instances i JOIN process_definitions d ON d.id = i.definition_id
                  WHERE i.id = t.process_instance_id AND d.graph -> 'nodes' -> t.element_id ->> 'stage' = ${sql.add(filter.stage)}::text)`,
      );
    }
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const filterValues = [...sql.values];
    const rows = await this.store.query<UserTaskRow>(
      `SELECT ${USER_TASK_COLUMNS} FROM user_tasks t ${condition} ORDER BY ${ORDER_BY[order]} LIMIT ${sql.add(paging.limit)}::int OFFSET ${sql.add(paging.offset)}::int`,
      sql.values,
    );
    // A short page that is not past the end tells the total without counting.
    const total =
      rows.length < paging.limit && (rows.length > 0 || paging.offset === 0)
        ? paging.offset + rows.length
        : ((await this.store.query<{ total: number }>(`SELECT count(*)::int AS total FROM user_tasks t ${condition}`, filterValues))[0]?.total ?? 0);
    return { rows, total };
  }

  async byId(id: string): Promise<UserTaskRow | undefined> {
    return rowsOf<UserTaskRow>(await this.dataSource.query(`SELECT ${USER_TASK_COLUMNS} FROM user_tasks t WHERE t.id = $1`, [id]))[0];
  }

  /**
   * The creations and completions of the tasks of every instance of `businessKey` (a record's
   * timeline), newest first by `(sortAt, sortKey)` — `sortAt` the time to the microsecond as UTC
   * text, `sortKey` `<kind>:<task id>`, both compared byte-wise — and only those before `before`.
   */
  async eventsOfBusinessKey(businessKey: string, before: { sortAt: string; sortKey: string } | undefined, limit: number): Promise<TaskEventRow[]> {
    return rowsOf<TaskEventRow>(
      await this.dataSource.query(
        `SELECT * FROM (
           SELECT 'task-created' AS kind, t.id, t.name, t.element_id, t.process_instance_id, t.assignee, t.created_at AS at, NULL::text AS completed_by,
                  to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_at, 'task-created:' || t.id AS sort_key
             FROM user_tasks t JOIN process_instances i ON i.id = t.process_instance_id WHERE i.business_key = $1
           UNION ALL
           SELECT 'task-completed', t.id, t.name, t.element_id, t.process_instance_id, t.assignee, t.completed_at, t.completed_by,
                  to_char(t.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'task-completed:' || t.id
             FROM user_tasks t JOIN process_instances i ON i.id = t.process_instance_id
            WHERE i.business_key = $1 AND t.state = 'completed' AND t.completed_at IS NOT NULL) e
          WHERE $2::text IS NULL OR (e.sort_at COLLATE "C", e.sort_key COLLATE "C") < ($2::text COLLATE "C", $3::text COLLATE "C")
          ORDER BY e.sort_at COLLATE "C" DESC, e.sort_key COLLATE "C" DESC LIMIT $4`,
        [businessKey, before?.sortAt ?? null, before?.sortKey ?? null, limit],
      ),
    );
  }

  /** Gives an open task to `username` unless someone else holds it; false when it did not. */
  async claim(id: string, username: string): Promise<boolean> {
    const rows = rowsOf(
      await this.dataSource.query(
        `WITH claimed AS (UPDATE user_tasks SET assignee = $2 WHERE id = $1 AND state = 'created' AND (assignee IS NULL OR assignee = $2) RETURNING id)
         SELECT id FROM claimed`,
        [id, username],
      ),
    );
    return rows.length > 0;
  }

  /** Takes an open task's assignee away; false when the task is not open. */
  async release(id: string): Promise<boolean> {
    const rows = rowsOf(
      await this.dataSource.query(
        `WITH released AS (UPDATE user_tasks SET assignee = NULL WHERE id = $1 AND state = 'created' RETURNING id) SELECT id FROM released`,
        [id],
      ),
    );
    return rows.length > 0;
  }

  /**
   * Gives an open task to `assignee` with its assignment record, out of the queue `leaving`, and
   * its `task-assigned` history event (`event`) — one statement; false when the task is not open.
   */
  async assign(id: string, assignee: string, record: TaskAssignmentRecord, leaving: string, event: object): Promise<boolean> {
    const rows = rowsOf(
      await this.dataSource.query(
        `WITH assigned AS (
           UPDATE user_tasks SET assignee = $2, candidate_groups = array_remove(candidate_groups, $3::text), assignment = $4::jsonb
            WHERE id = $1 AND state = 'created' RETURNING id, process_instance_id, element_id),
         logged AS (
           ${HISTORY_INSERT}
           SELECT process_instance_id, element_id, 'bpmn:UserTask', 'task-assigned', now(), $5::jsonb FROM assigned)
         SELECT id FROM assigned`,
        [id, assignee, leaving, JSON.stringify(record), JSON.stringify(event)],
      ),
    );
    return rows.length > 0;
  }

  /**
   * Completes an open task by `username` outside any command (an ad-hoc task: no token waits for
   * it), with its `task-completed` history event (`event`) — one statement. The completion time,
   * or undefined when the task is not open.
   */
  async completeWithoutCommand(id: string, username: string, event: object): Promise<Date | undefined> {
    const rows = rowsOf<{ completed_at: Date }>(
      await this.dataSource.query(
        `WITH done AS (
           UPDATE user_tasks SET state = 'completed', completed_at = now(), completed_by = $2 WHERE id = $1 AND state = 'created' RETURNING id, process_instance_id, element_id, completed_at),
         logged AS (
           ${HISTORY_INSERT}
           SELECT process_instance_id, element_id, 'bpmn:UserTask', 'task-completed', completed_at, $3::jsonb FROM done)
         SELECT completed_at FROM done`,
        [id, username, JSON.stringify(event)],
      ),
    );
    return rows[0]?.completed_at;
  }

  /** Inserts an ad-hoc task on `tx` unless its id exists; true when it was inserted. */
  async insertAdHoc(task: NewAdHocTask, tx: Queryable): Promise<boolean> {
    const created = rowsOf(
      await tx.query(
        `INSERT INTO user_tasks (id, process_instance_id, element_id, name, description, assignee, candidate_groups, due_at, state, variables, created_at, source, assignment)
         VALUES ($1, $2, $3, $4, $5, $6, $7::text[], CASE WHEN $8::float8 IS NULL THEN NULL ELSE now() + make_interval(secs => $8::float8) END, 'created', $9::jsonb, now(), 'action', $10::jsonb)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          task.id,
          task.processInstanceId,
          task.elementId,
          task.name,
          task.description,
          task.assignee,
          task.candidateGroups,
          task.dueInSeconds,
          JSON.stringify(task.variables),
          task.assignment === null ? null : JSON.stringify(task.assignment),
        ],
      ),
    );
    return created.length > 0;
  }

  /** Personal data: replaces every text matching `pattern` (case-insensitive) in the tasks of these instances with `replacement`. */
  async scrub(processInstanceIds: readonly string[], pattern: string, replacement: string, tx: Queryable): Promise<void> {
    await tx.query(
      `UPDATE user_tasks SET variables = regexp_replace(variables::text, $2, $3, 'gi')::jsonb,
              name = regexp_replace(name, $2, $3, 'gi'), description = regexp_replace(description, $2, $3, 'gi')
        WHERE process_instance_id = ANY($1::uuid[]) AND (variables::text ~* $2 OR name ~* $2 OR description ~* $2)`,
      [processInstanceIds, pattern, replacement],
    );
  }
}
