// All SQL of the engine's hot path: read an instance (or a task with its instance), then write
// everything one command produced as ONE statement. Raw statements on the pg pool under the
// data source, because this is the hot path of the engine.
//
// Concurrency is an optimistic version check: the write updates the instance only
// `WHERE version = <the version the command read>`, and every other row of the statement
// (tasks, incidents, history) is written only when that update matched. The statement is its
// own transaction, so a command is all or nothing; of two commands that read the same version,
// exactly one writes, the other writes nothing and is told so (the caller re-reads and retries,
// or answers 409).
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { InstanceState } from '@stageflow/bpmn-runtime';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { SqlParams } from '../../platform/database/sql-params.js';
import type { InstanceStatusValue } from '../process-instances/process-instance.row.js';
import { USER_TASK_COLUMNS, type UserTaskRow } from '../tasks/user-task.row.js';
import { addJobsSelect, removeJobsSelect } from '../../platform/jobs/job-sql.js';
import { correlationSql, messageLockKeys } from '../correlation/correlation-sql.js';
import { MESSAGE_LOCK_SQL } from '../messages/message-store.repository.js';
import { DatabaseClock } from '../../platform/database/database-clock.js';
import type { EffectsPlan } from './effects-plan.js';
import { historyEventsJson } from './history-events-json.js';
import type { Queryable } from '../../platform/database/queryable.js';
import type { InstanceParameterRef, ParameterStamp } from '../packages/instance-parameters.js';
import { PARAMETER_REF_COLUMNS, parameterRefOf, type ParameterRefColumns } from '../packages/instance-parameter-ref.js';

export interface LoadedInstance {
  id: string;
  definitionId: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string | null;
  status: InstanceStatusValue;
  state: InstanceState;
  activeElementIds: string[];
  /** The version this read saw; the command's write succeeds only if it is still current. */
  version: number;
  createdAt: Date;
  /** The database's clock when the row was read: the command's `now` (never a node's clock). */
  dbNow: string;
  /** The call activity that started this instance, when it is a called process. */
  parent: { instanceId: string; callId: string } | null;
  /** The rule-set generation this read saw: rule sets a command evaluates are the latest as of at least this (RuleSetVersions). */
  ruleSetGeneration: number;
  /** The package parameters of its start, and the package's current parameter version as read; null without a package. */
  parameters: InstanceParameterRef | null;
  /**
   * Not read: this node's memory of its own last write (RecentInstances). `dbNow` is then the
   * node's estimate of the database clock, and the rule-set generation is not known to be current.
   */
  fromMemory?: boolean;
}

/** A user task as read together with its instance, or as this node remembers it: the table's one row type. */
export type TaskRow = UserTaskRow;

export interface NewInstance {
  id: string;
  definitionId: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string | null;
  startedBy: string | null;
  /** A called process: written only while the parent's call is still pending (see write). */
  parent?: { instanceId: string; callId: string } | null;
  /** The package and parameter version it starts with (InstanceParameters.forStart); none without a package. */
  parameters?: ParameterStamp;
}

/** What one command writes; see InstanceStoreRepository.write. */
export interface CommandWrite {
  instance: { kind: 'insert'; row: NewInstance } | { kind: 'update'; id: string; expectedVersion: number };
  state: InstanceState;
  status: InstanceStatusValue;
  activeElementIds: string[];
  plan: EffectsPlan;
  /** Cancel every open task of the instance (it ended). */
  cancelOpenTasks: boolean;
  now: string;
  /** Username recorded as `completed_by`. */
  actor: string | null;
  /**
   * The rule-set generation the command decided at, when no read of its own saw it (a start, or
   * a command on a remembered instance): the row is written only while it is still the current
   * one (a deploy made on another node meanwhile makes the write fail; the command runs again).
   */
  ruleSetGeneration?: number;
  /**
   * The package's current parameter version the command used when no read of its own saw it (a
   * start, a remembered instance): the row is written only while it is still current.
   */
  parameterVersion?: ParameterStamp;
  /**
   * Updates of a remembered instance: the task the command relied on (to authorize and to
   * complete it) as remembered. The instance is written only while the task is still open with
   * that assignee, those candidate groups and that assignment — claims and assignments change a
   * task without moving its instance's version.
   */
  unchangedTask?: TaskRow;
}

const TERMINAL: readonly InstanceStatusValue[] = ['completed', 'terminated'];

/** Distinct statement texts kept as named prepared statements (a few dozen shapes in practice). */
const MAX_PREPARED = 200;

// The rule-set generation (migration 1732260000100) rides along with every read of an instance:
// a one-row table, and it spares commands of processes with business-rule tasks a query of
// their own for the latest rule-set versions (RuleSetVersions).
// The instance's id, state and creation time are aliased: read with a task, its columns sit beside
// the task's (USER_TASK_COLUMNS), which has columns of those names.
const INSTANCE_COLUMNS = `i.id AS instance_id, i.definition_id, i.definition_key, i.definition_version, i.business_key, i.status, i.state AS instance_state, i.active_element_ids, i.version,
  i.created_at AS instance_created_at, now() AS db_now, i.parent_instance_id, i.parent_call_id,
  (SELECT generation FROM rule_set_generation)::text AS rule_set_generation, ${PARAMETER_REF_COLUMNS}`;

/** What INSTANCE_COLUMNS reads. */
interface InstanceRecord extends ParameterRefColumns {
  instance_id: string;
  definition_id: string;
  definition_key: string;
  definition_version: number;
  business_key: string | null;
  status: InstanceStatusValue;
  instance_state: InstanceState;
  active_element_ids: string[];
  version: number;
  instance_created_at: Date;
  db_now: Date;
  parent_instance_id: string | null;
  parent_call_id: string | null;
  rule_set_generation: string | null;
}

function instanceOf(row: InstanceRecord): LoadedInstance {
  return {
    id: row.instance_id,
    definitionId: row.definition_id,
    definitionKey: row.definition_key,
    definitionVersion: row.definition_version,
    businessKey: row.business_key,
    status: row.status,
    state: row.instance_state,
    activeElementIds: row.active_element_ids,
    version: row.version,
    createdAt: row.instance_created_at,
    dbNow: row.db_now.toISOString(),
    parent: row.parent_instance_id !== null && row.parent_call_id !== null ? { instanceId: row.parent_instance_id, callId: row.parent_call_id } : null,
    ruleSetGeneration: Number(row.rule_set_generation ?? 0),
    parameters: parameterRefOf(row),
  };
}

/** The task's columns of a row read with its instance (the instance's columns left out). */
function taskRowOf(row: InstanceRecord & UserTaskRow): UserTaskRow {
  const {
    instance_id: _id,
    definition_id: _definitionId,
    definition_key: _definitionKey,
    definition_version: _definitionVersion,
    business_key: _businessKey,
    status: _status,
    instance_state: _state,
    active_element_ids: _active,
    version: _version,
    instance_created_at: _createdAt,
    db_now: _dbNow,
    parent_instance_id: _parentInstanceId,
    parent_call_id: _parentCallId,
    rule_set_generation: _generation,
    package_name: _packageName,
    parameter_version: _parameterVersion,
    current_parameter_version: _currentParameterVersion,
    ...task
  } = row;
  return task;
}

/** The task is still open as `task` shows it: same assignee, candidate groups and assignment. */
function unchangedTaskCondition(sql: SqlParams, task: TaskRow): string {
  return `EXISTS (SELECT 1 FROM user_tasks t WHERE t.id = ${sql.add(task.id)}::uuid AND t.state = 'created'
    AND t.assignee IS NOT DISTINCT FROM ${sql.add(task.assignee)}::text AND t.candidate_groups = ${sql.add(task.candidate_groups)}::text[]
    AND t.assignment IS NOT DISTINCT FROM ${sql.add(task.assignment === null ? null : JSON.stringify(task.assignment))}::jsonb)`;
}

/** The package is still at the parameter version the command used. */
function parameterVersionCondition(sql: SqlParams, stamp: ParameterStamp): string {
  return `(SELECT p.parameter_version FROM packages p WHERE p.name = ${sql.add(stamp.packageName)}::text) = ${sql.add(stamp.version)}::int`;
}

@Injectable()
export class InstanceStoreRepository {
  private readonly statementNames = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: DatabaseClock,
  ) {}

  /** The pg pool TypeORM opened: the hot path skips TypeORM's query runner. */
  private get pool(): Pool {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('the PostgreSQL pool is not open');
    return pool;
  }

  /**
   * Runs a statement as a named prepared statement: PostgreSQL parses it once per connection
   * instead of once per call (and, once it settles on a generic plan, plans it once too) —
   * for the small statements of the hot path that was most of their cost. Statement shapes
   * are few (the CTE parts a command needs); past MAX_PREPARED, unnamed.
   */
  async query<T>(text: string, values: unknown[]): Promise<T[]> {
    let name = this.statementNames.get(text);
    if (name === undefined && this.statementNames.size < MAX_PREPARED) {
      name = `sf_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
      this.statementNames.set(text, name);
    }
    const result = await this.pool.query<T & Record<string, unknown>>(name === undefined ? { text, values } : { name, text, values });
    return result.rows;
  }

  async loadInstance(id: string): Promise<LoadedInstance | undefined> {
    const sentAt = this.clock.nodeNow();
    const rows = await this.query<InstanceRecord>(`SELECT ${INSTANCE_COLUMNS} FROM process_instances i WHERE i.id = $1`, [id]);
    if (rows[0]) this.clock.observe(rows[0].db_now, sentAt, this.clock.nodeNow());
    return rows[0] ? instanceOf(rows[0]) : undefined;
  }

  /** The database clock, read now (and remembered by the DatabaseClock). */
  async databaseNow(): Promise<Date> {
    const sentAt = this.clock.nodeNow();
    const rows = await this.query<{ now: Date }>('SELECT now() AS now', []);
    const now = rows[0]?.now ?? new Date();
    this.clock.observe(now, sentAt, this.clock.nodeNow());
    return now;
  }

  /** A task and its instance, in one read. */
  async loadTask(taskId: string): Promise<{ task: TaskRow; instance: LoadedInstance } | undefined> {
    const sentAt = this.clock.nodeNow();
    const rows = await this.query<InstanceRecord & UserTaskRow>(
      `SELECT ${USER_TASK_COLUMNS}, ${INSTANCE_COLUMNS} FROM user_tasks t JOIN process_instances i ON i.id = t.process_instance_id WHERE t.id = $1`,
      [taskId],
    );
    const row = rows[0];
    if (row) this.clock.observe(row.db_now, sentAt, this.clock.nodeNow());
    return row ? { task: taskRowOf(row), instance: instanceOf(row) } : undefined;
  }

  /**
   * Writes everything one command produced — the instance row (insert, or update with the
   * version check), new and settled tasks, incidents and history — as ONE statement of
   * data-modifying CTEs: a single round trip, atomic on its own. Every part but the instance is
   * conditional on the instance row being written, so when the version check fails (or, for an
   * insert, `latest` shows a newer version of the definition, or the rule-set generation moved
   * past `write.ruleSetGeneration`) nothing at all is written and the answer is false.
   *
   * `prepare` runs first, inside the statement's transaction, and may change the plan (user-task
   * assignment takes round-robin turns and fills in assignees): what it writes commits only if
   * the statement writes the instance, and is rolled back otherwise.
   */
  async write(
    write: CommandWrite,
    latest?: { key: string; version: number },
    prepare?: (tx: Queryable) => Promise<void>,
    /** Runs after the statement, in its transaction, only when it wrote (the process-event subscribers). */
    afterWrite?: (tx: Queryable) => Promise<void>,
  ): Promise<boolean> {
    const locks = write.status === 'terminated' ? [] : messageLockKeys(write.plan.correlation);
    if (locks.length === 0 && !prepare && !afterWrite) {
      const { text, values } = this.statement(write, latest);
      const rows = await this.query<{ written: number }>(text, values);
      return rows[0]?.written === 1;
    }
    return this.writeInTransaction(write, latest, locks, prepare, afterWrite);
  }

  /** The statement of `write`: data-modifying CTEs, each conditional on the instance row being written. */
  private statement(write: CommandWrite, latest: { key: string; version: number } | undefined): { text: string; values: unknown[] } {
    const sql = new SqlParams();
    const now = sql.add(write.now);
    const parts: string[] = [];
    const { plan } = write;
    const state = sql.add(JSON.stringify(write.state));
    const variables = sql.add(JSON.stringify(write.state.variables ?? {}));
    const status = sql.add(write.status);
    const active = sql.add(write.activeElementIds);
    const ended = TERMINAL.includes(write.status);
    const written = 'EXISTS (SELECT 1 FROM inst)';
    let instanceId: string;
    if (write.instance.kind === 'insert') {
      const row = write.instance.row;
      instanceId = sql.add(row.id);
      const conditions: string[] = [];
      if (latest)
        conditions.push(
          `NOT EXISTS (SELECT 1 FROM process_definitions d WHERE d.key = ${sql.add(latest.key)}::text AND d.version > ${sql.add(latest.version)}::int)`,
        );
      if (write.ruleSetGeneration !== undefined) conditions.push(`(SELECT generation FROM rule_set_generation) = ${sql.add(write.ruleSetGeneration)}::bigint`);
      if (write.parameterVersion) conditions.push(parameterVersionCondition(sql, write.parameterVersion));
      const stillCurrent = conditions.length > 0 ? conditions.join(' AND ') : 'true';
      let insertIf = `WHERE ${stillCurrent}`;
      let parentColumns = 'NULL::uuid, NULL::text';
      if (row.parent) {
        // A called process: its parent's call flips from pending to started in this statement,
        // and the child is inserted only if it did — a call cancelled first, or a start job
        // that runs twice, starts nothing.
        const callId = sql.add(row.parent.callId);
        parts.push(`call_started AS (
          UPDATE called_processes SET state = 'started', child_instance_id = ${instanceId}::uuid
           WHERE call_id = ${callId}::text AND state = 'pending' AND ${stillCurrent}
          RETURNING call_id)`);
        insertIf = 'WHERE EXISTS (SELECT 1 FROM call_started)';
        parentColumns = `${sql.add(row.parent.instanceId)}::uuid, ${callId}::text`;
      }
      parts.push(`inst AS (
        INSERT INTO process_instances
          (id, definition_id, definition_key, definition_version, business_key, status, state, variables, active_element_ids, version, started_by, created_at, updated_at, ended_at,
           parent_instance_id, parent_call_id, package_name, parameter_version)
        SELECT ${instanceId}::uuid, ${sql.add(row.definitionId)}::uuid, ${sql.add(row.definitionKey)}::text, ${sql.add(row.definitionVersion)}::int, ${sql.add(row.businessKey)}::text,
               ${status}::text, ${state}::jsonb, ${variables}::jsonb, ${active}::text[], 1, ${sql.add(row.startedBy)}::uuid, ${now}::timestamptz, ${now}::timestamptz, ${ended ? `${now}::timestamptz` : 'NULL'},
               ${parentColumns}, ${sql.add(row.parameters?.packageName ?? null)}::text, ${sql.add(row.parameters?.version ?? null)}::int
        ${insertIf}
        RETURNING id)`);
    } else {
      instanceId = sql.add(write.instance.id);
      const stillAsDecided: string[] = [];
      if (write.ruleSetGeneration !== undefined)
        stillAsDecided.push(`(SELECT generation FROM rule_set_generation) = ${sql.add(write.ruleSetGeneration)}::bigint`);
      if (write.unchangedTask) stillAsDecided.push(unchangedTaskCondition(sql, write.unchangedTask));
      if (write.parameterVersion) stillAsDecided.push(parameterVersionCondition(sql, write.parameterVersion));
      parts.push(`inst AS (
        UPDATE process_instances
           SET state = ${state}::jsonb, variables = ${variables}::jsonb, status = ${status}::text, active_element_ids = ${active}::text[],
               version = version + 1, updated_at = ${now}::timestamptz${ended ? `, ended_at = ${now}::timestamptz` : ''}
         WHERE id = ${instanceId}::uuid AND version = ${sql.add(write.instance.expectedVersion)}::int${stillAsDecided.map((condition) => ` AND ${condition}`).join('')}
        RETURNING id)`);
    }
    if (plan.newTasks.length > 0) {
      const t = plan.newTasks;
      parts.push(`new_tasks AS (
        INSERT INTO user_tasks (id, process_instance_id, element_id, name, assignee, candidate_groups, due_at, priority, form_key, state, variables, created_at, assignment)
        SELECT t.id, ${instanceId}::uuid, t.element_id, t.name, t.assignee, ARRAY(SELECT jsonb_array_elements_text(t.groups)), t.due_at, t.priority, t.form_key, 'created', t.variables, ${now}::timestamptz,
               t.assignment
          FROM unnest(${sql.add(t.map((x) => x.id))}::uuid[], ${sql.add(t.map((x) => x.elementId))}::text[], ${sql.add(t.map((x) => x.name))}::text[],
                      ${sql.add(t.map((x) => x.assignee))}::text[], ${sql.add(t.map((x) => JSON.stringify(x.candidateGroups)))}::jsonb[],
                      ${sql.add(t.map((x) => x.dueAt))}::timestamptz[], ${sql.add(t.map((x) => x.priority))}::int[], ${sql.add(t.map((x) => x.formKey))}::text[],
                      ${sql.add(t.map((x) => JSON.stringify(x.variables)))}::jsonb[], ${sql.add(t.map((x) => (x.assignedBy ? JSON.stringify(x.assignedBy) : null)))}::jsonb[])
            AS t(id, element_id, name, assignee, groups, due_at, priority, form_key, variables, assignment)
         WHERE ${written})`);
    }
    // Tasks settled by id need no `state = 'created'` guard: the interpreter completes or cancels
    // only tasks open in the state it was given, and the version check makes that state current.
    // (Without the guard only the primary key can serve them; with it, a generic plan may scan
    // the state index over every open task.)
    if (plan.completedTaskIds.length > 0) {
      parts.push(`done_tasks AS (
        UPDATE user_tasks SET state = 'completed', completed_at = ${now}::timestamptz, completed_by = ${sql.add(write.actor)}::text
         WHERE ${sql.oneOf('id', plan.completedTaskIds, 'uuid')} AND ${written})`);
    }
    if (plan.cancelledTaskIds.length > 0 || write.cancelOpenTasks) {
      // The instance ended: every task of it still open (state is one of three values, and
      // written with <> so that only the instance index serves this, never the state index).
      const which = write.cancelOpenTasks
        ? `process_instance_id = ${instanceId}::uuid AND NOT (id = ANY(${sql.add(plan.completedTaskIds)}::uuid[])) AND state <> 'completed' AND state <> 'cancelled'`
        : sql.oneOf('id', plan.cancelledTaskIds, 'uuid');
      parts.push(`cancelled_tasks AS (
        UPDATE user_tasks SET state = 'cancelled', completed_at = ${now}::timestamptz WHERE ${which} AND ${written})`);
    }
    if (plan.incidents.length > 0) {
      const i = plan.incidents;
      parts.push(`new_incidents AS (
        INSERT INTO incidents (id, process_instance_id, element_id, kind, message, created_at)
        SELECT COALESCE(x.id, gen_random_uuid()), ${instanceId}::uuid, x.element_id, x.kind, x.message, ${now}::timestamptz
          FROM unnest(${sql.add(i.map((x) => x.id ?? null))}::uuid[], ${sql.add(i.map((x) => x.elementId))}::text[], ${sql.add(i.map((x) => x.kind))}::text[], ${sql.add(i.map((x) => x.message))}::text[])
            AS x(id, element_id, kind, message)
         WHERE ${written})`);
    }
    if (plan.history.length > 0) {
      // The command's events as ONE row of the audit trail (the `history` view shows one per event).
      parts.push(`new_history AS (
        INSERT INTO history_log (process_instance_id, at, events)
        SELECT ${instanceId}::uuid, ${now}::timestamptz, ${sql.add(historyEventsJson(plan.history))}::jsonb WHERE ${written})`);
    }
    if (plan.resolvedIncidentIds.length > 0) {
      parts.push(`resolved_incidents AS (
        UPDATE incidents SET resolved_at = ${now}::timestamptz
         WHERE ${sql.oneOf('id', plan.resolvedIncidentIds, 'uuid')} AND resolved_at IS NULL AND ${written})`);
    }
    // Jobs go through graphile-worker's SQL functions in plain SELECT CTEs, which PostgreSQL
    // runs only when referenced: the final SELECT references them.
    const counted: string[] = [];
    if (plan.cancelledJobKeys.length > 0) {
      parts.push(`removed_jobs AS (${removeJobsSelect(sql, plan.cancelledJobKeys, written)})`);
      counted.push('(SELECT count(*) FROM removed_jobs) AS removed_jobs');
    }
    if (plan.jobs.length > 0) {
      parts.push(`new_jobs AS (${addJobsSelect(sql, plan.jobs, written)})`);
      counted.push('(SELECT count(*) FROM new_jobs) AS new_jobs');
    }
    if (plan.processEventJobs.length > 0) {
      // Only while an `actions` rule set is deployed: otherwise an event has no reader (docs/actions.md).
      parts.push(`event_jobs AS (${addJobsSelect(sql, plan.processEventJobs, `${written} AND EXISTS (SELECT 1 FROM rule_sets WHERE kind = 'actions')`)})`);
      counted.push('(SELECT count(*) FROM event_jobs) AS event_jobs');
    }
    // Subscriptions, buffered-message claims, outbox rows, called processes; and for an
    // instance terminated (cancelled, possibly without the interpreter), every wait it had.
    const terminated = write.status === 'terminated';
    const correlation = correlationSql(sql, plan.correlation, { instanceId, now, written, endedAs: terminated ? 'terminated' : null });
    parts.push(...correlation.parts);
    counted.push(...correlation.referenced.map((name) => `(SELECT count(*) FROM ${name}) AS ${name}`));
    const text = `WITH ${parts.join(',\n')} SELECT (SELECT count(*)::int FROM inst) AS written${counted.map((c) => `, ${c}`).join('')}`;
    return { text, values: sql.values };
  }

  /**
   * The statement in an explicit transaction, for two reasons. A statement that opens message
   * subscriptions first takes the advisory lock of each (name, key) it subscribes to, in a
   * fixed order: its snapshot is then taken after any concurrent `POST /messages` that buffered
   * a message under that lock has committed, so the statement's claim sees the message; and a
   * buffering that comes later finds the subscription (MessageStoreRepository.buffer). And
   * `prepare` (assignment) writes in the same transaction, committed only with the instance.
   */
  private async writeInTransaction(
    write: CommandWrite,
    latest: { key: string; version: number } | undefined,
    locks: { name: string; correlationKey: string | null }[],
    prepare: ((tx: Queryable) => Promise<void>) | undefined,
    afterWrite: ((tx: Queryable) => Promise<void>) | undefined,
  ): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const lock of locks) await client.query(MESSAGE_LOCK_SQL, [lock.name, lock.correlationKey]);
      if (prepare) await prepare(client);
      const { text, values } = this.statement(write, latest);
      const result = await client.query<{ written: number }>(text, values);
      const written = result.rows[0]?.written === 1;
      if (written && afterWrite) await afterWrite(client);
      await client.query(written ? 'COMMIT' : 'ROLLBACK');
      return written;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
