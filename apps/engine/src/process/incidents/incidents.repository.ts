// `incidents`: lists, one incident, and the writes outside commands — a job's incident with its
// history event, and a job incident's retry (resolve, history event and the job queued again)
// as ONE statement each. Raw statements on the pg pool under the data source.
import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { SqlParams } from '../../platform/database/sql-params.js';
import type { Paging } from '../../platform/http/input.js';
import type { JobRequest } from '../../platform/jobs/job-request.js';
import type { JobPayload } from '../../platform/jobs/job-request.js';
import { addJobsSelect } from '../../platform/jobs/job-sql.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { HISTORY_INSERT } from '../process-instances/history.repository.js';
import { InstanceVisibility } from '../visibility/instance-visibility.js';
import type { IncidentRow, IncidentStateFilter } from './incident.row.js';

const COLUMNS = 'id, process_instance_id, element_id, kind, message, created_at, resolved_at, resolved_by, job_task, job_payload, job_key, job_max_attempts';

/** A job incident to record: `processInstanceId` is kept only when that instance exists. */
export interface NewJobIncident {
  id: string;
  processInstanceId: string | null;
  message: string;
  job: { task: string; payload: JobPayload; key: string | null; maxAttempts: number };
}

/** An incident at an element of an existing instance, keeping the job that gave up (one attempt). */
export interface NewElementIncident {
  id: string;
  processInstanceId: string;
  elementId: string | null;
  message: string;
  job: { task: string; payload: JobPayload; key: string | null };
}

/** What an incident list may be narrowed by; `visibleTo` keeps the incidents of instances that caller sees (absent: all). */
export interface IncidentRowFilter {
  processInstanceId?: string;
  state?: IncidentStateFilter;
  visibleTo?: Principal;
}

@Injectable()
export class IncidentsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visibility: InstanceVisibility,
  ) {}

  /** The condition that keeps the incidents of instances `principal` sees (none without an instance, unless they see all). */
  private visibleCondition(principal: Principal, sql: SqlParams): string {
    const instances = this.visibility.condition(principal, sql);
    if (instances === 'true') return 'true';
    return `EXISTS (SELECT 1 FROM process_instances i WHERE i.id = incidents.process_instance_id AND ${instances})`;
  }

  private get pool(): Pool {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('the PostgreSQL pool is not open');
    return pool;
  }

  /** Newest first, with the number of all that match. */
  async page(filter: IncidentRowFilter, paging: Paging): Promise<{ rows: IncidentRow[]; total: number }> {
    const sql = new SqlParams();
    const where: string[] = [];
    if (filter.visibleTo !== undefined) where.push(this.visibleCondition(filter.visibleTo, sql));
    if (filter.processInstanceId !== undefined) where.push(`process_instance_id = ${sql.add(filter.processInstanceId)}::uuid`);
    if (filter.state === 'open') where.push('resolved_at IS NULL');
    if (filter.state === 'resolved') where.push('resolved_at IS NOT NULL');
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const limit = sql.add(paging.limit);
    const offset = sql.add(paging.offset);
    const result = await this.pool.query<IncidentRow & { total: string }>(
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM incidents ${condition} ORDER BY created_at DESC, id LIMIT ${limit} OFFSET ${offset}`,
      sql.values,
    );
    let total = Number(result.rows[0]?.total ?? 0);
    if (result.rows.length === 0 && paging.offset > 0) {
      const counted = await this.pool.query<{ total: string }>(`SELECT count(*) AS total FROM incidents ${condition}`, sql.values.slice(0, -2));
      total = Number(counted.rows[0]?.total ?? 0);
    }
    return { rows: result.rows.map(({ total: _total, ...row }) => row), total };
  }

  /** The incident, when it exists and `visibleTo` (if given) sees its instance. */
  async byId(id: string, visibleTo?: Principal): Promise<IncidentRow | undefined> {
    const sql = new SqlParams();
    const condition = `id = ${sql.add(id)}${visibleTo ? ` AND ${this.visibleCondition(visibleTo, sql)}` : ''}`;
    return (await this.pool.query<IncidentRow>(`SELECT ${COLUMNS} FROM incidents WHERE ${condition}`, sql.values)).rows[0];
  }

  /** Of an instance, oldest first. */
  async ofInstance(processInstanceId: string): Promise<IncidentRow[]> {
    return (await this.pool.query<IncidentRow>(`SELECT ${COLUMNS} FROM incidents WHERE process_instance_id = $1 ORDER BY created_at, id`, [processInstanceId]))
      .rows;
  }

  /**
   * Resolves an open job incident by `by`, with its `incident-resolved` history event, and queues
   * `job` again — one statement. False when it was no longer open.
   */
  async resolveAndRequeue(id: string, by: string, job: JobRequest): Promise<boolean> {
    const sql = new SqlParams();
    const byParam = sql.add(by);
    const idParam = sql.add(id);
    const result = await this.pool.query<{ resolved: number }>(
      `WITH resolved AS (
         UPDATE incidents SET resolved_at = now(), resolved_by = ${byParam} WHERE id = ${idParam}::uuid AND resolved_at IS NULL RETURNING id, process_instance_id),
       history_row AS (
         ${HISTORY_INSERT}
         SELECT r.process_instance_id, NULL, NULL, 'incident-resolved', now(), jsonb_build_object('incidentId', r.id, 'by', ${byParam}::text, 'requeued', ${sql.add(job.task)}::text)
           FROM resolved r WHERE r.process_instance_id IS NOT NULL),
       requeued AS (${addJobsSelect(sql, [job], 'EXISTS (SELECT 1 FROM resolved)')})
       SELECT (SELECT count(*)::int FROM resolved) AS resolved, (SELECT count(*) FROM requeued) AS requeued`,
      sql.values,
    );
    return result.rows[0]?.resolved === 1;
  }

  /**
   * A job's incident with its history event (idempotent by id). The instance id is kept only when
   * that instance exists (a job's payload may name one that is gone).
   */
  async insertForJob(incident: NewJobIncident): Promise<void> {
    await this.pool.query(
      `WITH inc AS (
         INSERT INTO incidents (id, process_instance_id, element_id, kind, message, created_at, job_task, job_payload, job_key, job_max_attempts)
         SELECT $1::uuid, i.id, NULL, 'job', $3::text, now(), $4::text, $5::jsonb, $6::text, $7::int
           FROM (SELECT $2::uuid AS id) AS x LEFT JOIN process_instances i ON i.id = x.id
         ON CONFLICT (id) DO NOTHING
         RETURNING id, process_instance_id)
       ${HISTORY_INSERT}
       SELECT inc.process_instance_id, NULL, NULL, 'incident', now(), jsonb_build_object('kind', 'job', 'incidentId', inc.id, 'message', $3::text)
         FROM inc WHERE inc.process_instance_id IS NOT NULL`,
      [
        incident.id,
        incident.processInstanceId,
        incident.message,
        incident.job.task,
        JSON.stringify(incident.job.payload),
        incident.job.key,
        incident.job.maxAttempts,
      ],
    );
  }

  /** An incident at an element with its history event (idempotent by id). */
  async insertForElement(incident: NewElementIncident): Promise<void> {
    await this.pool.query(
      `WITH inc AS (
         INSERT INTO incidents (id, process_instance_id, element_id, kind, message, created_at, job_task, job_payload, job_key, job_max_attempts)
         VALUES ($1::uuid, $2::uuid, $3::text, 'job', $4::text, now(), $5::text, $6::jsonb, $7::text, 1)
         ON CONFLICT (id) DO NOTHING
         RETURNING id)
       ${HISTORY_INSERT}
       SELECT $2::uuid, $3::text, NULL, 'incident', now(), jsonb_build_object('kind', 'job', 'incidentId', inc.id, 'message', $4::text) FROM inc`,
      [
        incident.id,
        incident.processInstanceId,
        incident.elementId,
        incident.message,
        incident.job.task,
        JSON.stringify(incident.job.payload),
        incident.job.key,
      ],
    );
  }
}
