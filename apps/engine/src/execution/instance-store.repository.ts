// All SQL of one command's transaction: lock the instance, write state, tasks, history and
// incidents. Raw statements on one connection, because this is the hot path of the engine.
import { Injectable } from '@nestjs/common';
import type { InstanceState, Variables } from '@stageflow/bpmn-runtime';
import { DataSource, type QueryRunner } from 'typeorm';
import type { IncidentKind } from '../process-instances/incident.entity.js';
import type { InstanceStatusValue } from '../process-instances/process-instance.entity.js';
import type { EffectsPlan, HistoryRow } from './effects-plan.js';

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

  async insertInstance(tx: CommandTransaction, instance: NewInstance, state: InstanceState, status: InstanceStatusValue, activeElementIds: string[], now: string): Promise<void> {
    await tx.query(
      `INSERT INTO process_instances
         (id, definition_id, definition_key, definition_version, business_key, status, state, variables, active_element_ids, version, started_by, created_at, updated_at, ended_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11, $11, $12)`,
      [
        instance.id,
        instance.definitionId,
        instance.definitionKey,
        instance.definitionVersion,
        instance.businessKey,
        status,
        JSON.stringify(state),
        JSON.stringify(state.variables ?? {}),
        activeElementIds,
        instance.startedBy,
        now,
        TERMINAL.includes(status) ? now : null,
      ],
    );
  }

  /** Writes the new state; the version check makes a lost update impossible even without the row lock. */
  async updateInstance(tx: CommandTransaction, instance: LockedInstance, state: InstanceState, status: InstanceStatusValue, activeElementIds: string[], now: string): Promise<void> {
    const rows = await tx.query(
      `UPDATE process_instances
          SET state = $3, variables = $4, status = $5, active_element_ids = $6, version = version + 1, updated_at = $7,
              ended_at = CASE WHEN $5 IN ('completed', 'terminated') THEN $7::timestamptz ELSE ended_at END
        WHERE id = $1 AND version = $2
        RETURNING id`,
      [instance.id, instance.version, JSON.stringify(state), JSON.stringify(state.variables ?? {}), status, activeElementIds, now],
    );
    if (rows.length !== 1) throw new ConcurrentModificationError(instance.id);
  }

  async markIncident(tx: CommandTransaction, instance: LockedInstance, now: string): Promise<void> {
    await tx.query(`UPDATE process_instances SET status = 'incident', version = version + 1, updated_at = $2 WHERE id = $1`, [instance.id, now]);
  }

  async applyPlan(tx: CommandTransaction, instanceId: string, plan: EffectsPlan, now: string, actor: string | null): Promise<void> {
    if (plan.newTasks.length > 0) {
      const t = plan.newTasks;
      await tx.query(
        `INSERT INTO user_tasks (id, process_instance_id, element_id, name, assignee, candidate_groups, due_at, priority, form_key, state, variables, created_at)
         SELECT t.id, $1, t.element_id, t.name, t.assignee, ARRAY(SELECT jsonb_array_elements_text(t.groups)), t.due_at, t.priority, t.form_key, 'created', t.variables, $2
           FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::timestamptz[], $9::int[], $10::text[], $11::jsonb[])
             AS t(id, element_id, name, assignee, groups, due_at, priority, form_key, variables)`,
        [
          instanceId,
          now,
          t.map((task) => task.id),
          t.map((task) => task.elementId),
          t.map((task) => task.name),
          t.map((task) => task.assignee),
          t.map((task) => JSON.stringify(task.candidateGroups)),
          t.map((task) => task.dueAt),
          t.map((task) => task.priority),
          t.map((task) => task.formKey),
          t.map((task) => JSON.stringify(task.variables)),
        ],
      );
    }
    if (plan.completedTaskIds.length > 0) {
      await tx.query(
        `UPDATE user_tasks SET state = 'completed', completed_at = $2, completed_by = $3 WHERE id = ANY($1::uuid[]) AND state = 'created'`,
        [plan.completedTaskIds, now, actor],
      );
    }
    if (plan.cancelledTaskIds.length > 0) {
      await tx.query(`UPDATE user_tasks SET state = 'cancelled', completed_at = $2 WHERE id = ANY($1::uuid[]) AND state = 'created'`, [plan.cancelledTaskIds, now]);
    }
    for (const incident of plan.incidents) {
      await this.insertIncident(tx, instanceId, incident.elementId, 'interpreter', incident.message, now);
    }
    await this.insertHistory(tx, instanceId, plan.history, now);
  }

  async cancelOpenTasks(tx: CommandTransaction, instanceId: string, now: string): Promise<void> {
    await tx.query(`UPDATE user_tasks SET state = 'cancelled', completed_at = $2 WHERE process_instance_id = $1 AND state = 'created'`, [instanceId, now]);
  }

  async insertIncident(tx: CommandTransaction, instanceId: string, elementId: string | null, kind: IncidentKind, message: string, now: string): Promise<void> {
    await tx.query(
      `INSERT INTO incidents (id, process_instance_id, element_id, kind, message, created_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)`,
      [instanceId, elementId, kind, message, now],
    );
  }

  async insertHistory(tx: CommandTransaction, instanceId: string, rows: HistoryRow[], now: string): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO history (process_instance_id, element_id, element_type, event, at, payload)
       SELECT $1, h.element_id, h.element_type, h.event, $2, h.payload
         FROM unnest($3::text[], $4::text[], $5::text[], $6::jsonb[]) WITH ORDINALITY AS h(element_id, element_type, event, payload, n)
        ORDER BY h.n`,
      [
        instanceId,
        now,
        rows.map((row) => row.elementId),
        rows.map((row) => row.elementType),
        rows.map((row) => row.event),
        rows.map((row) => (row.payload === null ? null : JSON.stringify(row.payload))),
      ],
    );
  }

  static variablesOf(state: InstanceState): Variables {
    return state.variables ?? {};
  }
}

/** Another transaction changed the instance first (optimistic version check). */
export class ConcurrentModificationError extends Error {
  constructor(readonly instanceId: string) {
    super(`process instance ${instanceId} was changed concurrently`);
    this.name = 'ConcurrentModificationError';
  }
}
