// All SQL of one command's transaction: lock the instance, write state, tasks, history and
// incidents. Raw statements on one connection, because this is the hot path of the engine.
import { Injectable } from '@nestjs/common';
import type { InstanceState } from '@stageflow/bpmn-runtime';
import { DataSource, type QueryRunner } from 'typeorm';
import type { InstanceStatusValue } from '../process-instances/process-instance.entity.js';
import type { EffectsPlan } from './effects-plan.js';

export interface LockedInstance {
  id: string;
  definitionId: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string | null;
  status: InstanceStatusValue;
  state: InstanceState;
  activeElementIds: string[];
  version: number;
  createdAt: Date;
}

export interface NewInstance {
  id: string;
  definitionId: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string | null;
  startedBy: string | null;
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
}

/** Positional parameters of one statement. */
class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A transaction in progress; `run` commits on success and rolls back on any error. */
export interface CommandTransaction {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

const TERMINAL: readonly InstanceStatusValue[] = ['completed', 'terminated'];

@Injectable()
export class InstanceStoreRepository {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: CommandTransaction) => Promise<T>): Promise<T> {
    const runner: QueryRunner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // Structured results: TypeORM otherwise answers UPDATE with [rows, count] instead of rows.
      const tx: CommandTransaction = {
        query: async <R>(sql: string, params?: unknown[]) => ((await runner.query(sql, params, true)) as { records: R[] }).records ?? [],
      };
      const result = await work(tx);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  async lockInstance(tx: CommandTransaction, id: string): Promise<LockedInstance | undefined> {
    const rows = await tx.query<{
      id: string;
      definition_id: string;
      definition_key: string;
      definition_version: number;
      business_key: string | null;
      status: InstanceStatusValue;
      state: InstanceState;
      active_element_ids: string[];
      version: number;
      created_at: Date;
    }>(
      `SELECT id, definition_id, definition_key, definition_version, business_key, status, state, active_element_ids, version, created_at
         FROM process_instances WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: row.id,
      definitionId: row.definition_id,
      definitionKey: row.definition_key,
      definitionVersion: row.definition_version,
      businessKey: row.business_key,
      status: row.status,
      state: row.state,
      activeElementIds: row.active_element_ids,
      version: row.version,
      createdAt: row.created_at,
    };
  }

  async taskState(tx: CommandTransaction, taskId: string): Promise<string | undefined> {
    const rows = await tx.query<{ state: string }>('SELECT state FROM user_tasks WHERE id = $1', [taskId]);
    return rows[0]?.state;
  }

  /**
   * Writes everything one command produced — the instance row (insert, or update with the
   * version check), new and settled tasks, incidents and history — as ONE statement of
   * data-modifying CTEs: a single round trip, atomic on its own. Inside `tx` for commands on an
   * existing instance (which hold its row lock); without, for a start.
   */
  async write(tx: CommandTransaction | undefined, write: CommandWrite): Promise<void> {
    const sql = new SqlParams();
    const now = sql.add(write.now);
    const parts: string[] = [];
    const { plan } = write;
    const state = sql.add(JSON.stringify(write.state));
    const variables = sql.add(JSON.stringify(write.state.variables ?? {}));
    const status = sql.add(write.status);
    const active = sql.add(write.activeElementIds);
    const ended = TERMINAL.includes(write.status);
    let instanceId: string;
    if (write.instance.kind === 'insert') {
      const row = write.instance.row;
      instanceId = sql.add(row.id);
      parts.push(`inst AS (
        INSERT INTO process_instances
          (id, definition_id, definition_key, definition_version, business_key, status, state, variables, active_element_ids, version, started_by, created_at, updated_at, ended_at)
        VALUES (${instanceId}::uuid, ${sql.add(row.definitionId)}, ${sql.add(row.definitionKey)}, ${sql.add(row.definitionVersion)}, ${sql.add(row.businessKey)},
                ${status}, ${state}::jsonb, ${variables}::jsonb, ${active}::text[], 1, ${sql.add(row.startedBy)}, ${now}::timestamptz, ${now}::timestamptz, ${ended ? `${now}::timestamptz` : 'NULL'})
        RETURNING id)`);
    } else {
      instanceId = sql.add(write.instance.id);
      parts.push(`inst AS (
        UPDATE process_instances
           SET state = ${state}::jsonb, variables = ${variables}::jsonb, status = ${status}, active_element_ids = ${active}::text[],
               version = version + 1, updated_at = ${now}::timestamptz${ended ? `, ended_at = ${now}::timestamptz` : ''}
         WHERE id = ${instanceId}::uuid AND version = ${sql.add(write.instance.expectedVersion)}
        RETURNING id)`);
    }
    if (plan.newTasks.length > 0) {
      const t = plan.newTasks;
      parts.push(`new_tasks AS (
        INSERT INTO user_tasks (id, process_instance_id, element_id, name, assignee, candidate_groups, due_at, priority, form_key, state, variables, created_at)
        SELECT t.id, ${instanceId}::uuid, t.element_id, t.name, t.assignee, ARRAY(SELECT jsonb_array_elements_text(t.groups)), t.due_at, t.priority, t.form_key, 'created', t.variables, ${now}::timestamptz
          FROM unnest(${sql.add(t.map((x) => x.id))}::uuid[], ${sql.add(t.map((x) => x.elementId))}::text[], ${sql.add(t.map((x) => x.name))}::text[],
                      ${sql.add(t.map((x) => x.assignee))}::text[], ${sql.add(t.map((x) => JSON.stringify(x.candidateGroups)))}::jsonb[],
                      ${sql.add(t.map((x) => x.dueAt))}::timestamptz[], ${sql.add(t.map((x) => x.priority))}::int[], ${sql.add(t.map((x) => x.formKey))}::text[],
                      ${sql.add(t.map((x) => JSON.stringify(x.variables)))}::jsonb[])
            AS t(id, element_id, name, assignee, groups, due_at, priority, form_key, variables))`);
    }
    const needsCompleted = plan.completedTaskIds.length > 0 || write.cancelOpenTasks;
    const completed = needsCompleted ? sql.add(plan.completedTaskIds) : '';
    if (plan.completedTaskIds.length > 0) {
      parts.push(`done_tasks AS (
        UPDATE user_tasks SET state = 'completed', completed_at = ${now}::timestamptz, completed_by = ${sql.add(write.actor)}
         WHERE id = ANY(${completed}::uuid[]) AND state = 'created')`);
    }
    if (plan.cancelledTaskIds.length > 0 || write.cancelOpenTasks) {
      const which = write.cancelOpenTasks
        ? `process_instance_id = ${instanceId}::uuid AND NOT (id = ANY(${completed}::uuid[]))`
        : `id = ANY(${sql.add(plan.cancelledTaskIds)}::uuid[])`;
      parts.push(`cancelled_tasks AS (
        UPDATE user_tasks SET state = 'cancelled', completed_at = ${now}::timestamptz WHERE ${which} AND state = 'created')`);
    }
    if (plan.incidents.length > 0) {
      const i = plan.incidents;
      parts.push(`new_incidents AS (
        INSERT INTO incidents (id, process_instance_id, element_id, kind, message, created_at)
        SELECT gen_random_uuid(), ${instanceId}::uuid, x.element_id, x.kind, x.message, ${now}::timestamptz
          FROM unnest(${sql.add(i.map((x) => x.elementId))}::text[], ${sql.add(i.map((x) => x.kind))}::text[], ${sql.add(i.map((x) => x.message))}::text[])
            AS x(element_id, kind, message))`);
    }
    if (plan.history.length > 0) {
      const h = plan.history;
      parts.push(`new_history AS (
        INSERT INTO history (process_instance_id, element_id, element_type, event, at, payload)
        SELECT ${instanceId}::uuid, h.element_id, h.element_type, h.event, ${now}::timestamptz, h.payload
          FROM unnest(${sql.add(h.map((x) => x.elementId))}::text[], ${sql.add(h.map((x) => x.elementType))}::text[], ${sql.add(h.map((x) => x.event))}::text[],
                      ${sql.add(h.map((x) => (x.payload === null ? null : JSON.stringify(x.payload))))}::jsonb[])
            WITH ORDINALITY AS h(element_id, element_type, event, payload, n)
         ORDER BY h.n)`);
    }
    const text = `WITH ${parts.join(',\n')} SELECT count(*)::int AS written FROM inst`;
    const rows = tx ? await tx.query<{ written: number }>(text, sql.values) : await this.dataSource.query<{ written: number }[]>(text, sql.values);
    if (rows[0]?.written !== 1) {
      if (write.instance.kind === 'update') throw new ConcurrentModificationError(write.instance.id);
      throw new Error('the process instance was not written');
    }
  }
}

/** Another transaction changed the instance first (optimistic version check). */
export class ConcurrentModificationError extends Error {
  constructor(readonly instanceId: string) {
    super(`process instance ${instanceId} was changed concurrently`);
    this.name = 'ConcurrentModificationError';
  }
}
