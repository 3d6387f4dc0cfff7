// Incidents: where an instance (or a job) cannot go on by itself. Two sources:
// - the interpreter (a gateway without a matching flow, a FEEL error, a limit): retrying runs
//   `retryIncident` on the instance, which resolves it through the IncidentResolved effect;
// - a job whose handler failed on every attempt: the incident keeps the job, and retrying
//   queues it again (fresh attempts) and resolves the incident, in one statement.
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { NotFound, Conflict } from '../../platform/errors/domain-errors.js';
import type { Page, Paging } from '../../platform/http/input.js';
import { SqlParams } from '../../platform/database/sql-params.js';
import { InstanceCommandsService, type Actor } from '../execution/instance-commands.service.js';
import { JobHandlerRegistry, type FailedJob } from '../../platform/jobs/job-handler-registry.js';
import type { JobPayload } from '../../platform/jobs/job-request.js';
import { addJobsSelect } from '../../platform/jobs/job-sql.js';

export type IncidentStateFilter = 'open' | 'resolved';

export interface IncidentView {
  id: string;
  processInstanceId: string | null;
  elementId: string | null;
  kind: string;
  message: string;
  state: IncidentStateFilter;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** For a job incident: the job that ran out of attempts (queued again by a retry). */
  job: { task: string; key: string | null; maxAttempts: number } | null;
}

interface IncidentRecord {
  id: string;
  process_instance_id: string | null;
  element_id: string | null;
  kind: string;
  message: string;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  job_task: string | null;
  job_payload: JobPayload | null;
  job_key: string | null;
  job_max_attempts: number | null;
}

const COLUMNS = 'id, process_instance_id, element_id, kind, message, created_at, resolved_at, resolved_by, job_task, job_payload, job_key, job_max_attempts';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stable incident id per job attempt: a node that records it twice (crash, retry) writes one row. */
function incidentIdOf(jobId: string, attempt: number): string {
  const hex = createHash('sha256').update(`job:${jobId}:${attempt}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function viewOf(row: IncidentRecord): IncidentView {
  return {
    id: row.id,
    processInstanceId: row.process_instance_id,
    elementId: row.element_id,
    kind: row.kind,
    message: row.message,
    state: row.resolved_at ? 'resolved' : 'open',
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedBy: row.resolved_by,
    job: row.job_task ? { task: row.job_task, key: row.job_key, maxAttempts: row.job_max_attempts ?? 1 } : null,
  };
}

@Injectable()
export class IncidentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: InstanceCommandsService,
    jobs: JobHandlerRegistry,
  ) {
    // A job that fails for good becomes an incident, retried from the API.
    jobs.recordFailuresWith((job) => this.raiseForJob(job));
  }

  private get pool(): Pool {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('the PostgreSQL pool is not open');
    return pool;
  }

  async list(filter: { processInstanceId?: string; state?: IncidentStateFilter }, paging: Paging): Promise<Page<IncidentView>> {
    const sql = new SqlParams();
    const where: string[] = [];
    if (filter.processInstanceId !== undefined) where.push(`process_instance_id = ${sql.add(filter.processInstanceId)}::uuid`);
    if (filter.state === 'open') where.push('resolved_at IS NULL');
    if (filter.state === 'resolved') where.push('resolved_at IS NOT NULL');
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const limit = sql.add(paging.limit);
    const offset = sql.add(paging.offset);
    const result = await this.pool.query<IncidentRecord & { total: string }>(
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM incidents ${condition} ORDER BY created_at DESC, id LIMIT ${limit} OFFSET ${offset}`,
      sql.values,
    );
    let total = Number(result.rows[0]?.total ?? 0);
    if (result.rows.length === 0 && paging.offset > 0) {
      const counted = await this.pool.query<{ total: string }>(`SELECT count(*) AS total FROM incidents ${condition}`, sql.values.slice(0, -2));
      total = Number(counted.rows[0]?.total ?? 0);
    }
    return { items: result.rows.map(viewOf), total, offset: paging.offset, limit: paging.limit };
  }

  async get(id: string): Promise<IncidentView> {
    return viewOf(await this.record(id));
  }

  /** Of an instance, oldest first (the instance view lists them). */
  async ofInstance(processInstanceId: string): Promise<IncidentView[]> {
    const result = await this.pool.query<IncidentRecord>(`SELECT ${COLUMNS} FROM incidents WHERE process_instance_id = $1 ORDER BY created_at, id`, [
      processInstanceId,
    ]);
    return result.rows.map(viewOf);
  }

  /**
   * Resolves an open incident: a job incident queues its job again; an interpreter incident
   * runs `retryIncident` on its instance (the parked token runs its element again).
   */
  async retry(id: string, actor: Actor): Promise<IncidentView> {
    const incident = await this.record(id);
    if (incident.resolved_at) throw new Conflict(`incident ${id} is already resolved`, [{ incidentId: id, state: 'resolved' }]);
    if (incident.job_task) {
      const sql = new SqlParams();
      const job = {
        task: incident.job_task,
        payload: incident.job_payload ?? {},
        key: incident.job_key ?? undefined,
        maxAttempts: incident.job_max_attempts ?? undefined,
      };
      const by = sql.add(actor.username);
      const idParam = sql.add(id);
      const result = await this.pool.query<{ resolved: number }>(
        `WITH resolved AS (
           UPDATE incidents SET resolved_at = now(), resolved_by = ${by} WHERE id = ${idParam}::uuid AND resolved_at IS NULL RETURNING id, process_instance_id),
         history_row AS (
           INSERT INTO history (process_instance_id, element_id, element_type, event, at, payload)
           SELECT r.process_instance_id, NULL, NULL, 'incident-resolved', now(), jsonb_build_object('incidentId', r.id, 'by', ${by}::text, 'requeued', ${sql.add(job.task)}::text)
             FROM resolved r WHERE r.process_instance_id IS NOT NULL),
         requeued AS (${addJobsSelect(sql, [job], 'EXISTS (SELECT 1 FROM resolved)')})
         SELECT (SELECT count(*)::int FROM resolved) AS resolved, (SELECT count(*) FROM requeued) AS requeued`,
        sql.values,
      );
      if (result.rows[0]?.resolved !== 1) throw new Conflict(`incident ${id} was resolved concurrently`, [{ incidentId: id }]);
      return this.get(id);
    }
    if (!incident.process_instance_id) throw new Conflict(`incident ${id} belongs to no instance and carries no job; it cannot be retried`);
    if (incident.kind !== 'interpreter') {
      // Time, memory and worker limits stop a command before it changes anything: there is no
      // parked token to run again, so the incident is only resolved by cancelling the instance.
      throw new Conflict(`incident ${id} (${incident.kind}) stopped a command that was dropped; it cannot be retried`, [
        { incidentId: id, kind: incident.kind },
      ]);
    }
    await this.commands.run(incident.process_instance_id, { type: 'retryIncident', incidentId: id }, actor);
    return this.get(id);
  }

  /** Records the incident of a job that failed its last attempt (idempotent per attempt). */
  async raiseForJob(job: FailedJob): Promise<void> {
    const instanceId = typeof job.payload.processInstanceId === 'string' && UUID.test(job.payload.processInstanceId) ? job.payload.processInstanceId : null;
    const message = `job ${job.task} failed ${job.attempt} time(s): ${job.message}`.slice(0, 4000);
    await this.pool.query(
      `WITH inc AS (
         INSERT INTO incidents (id, process_instance_id, element_id, kind, message, created_at, job_task, job_payload, job_key, job_max_attempts)
         SELECT $1::uuid, i.id, NULL, 'job', $3::text, now(), $4::text, $5::jsonb, $6::text, $7::int
           FROM (SELECT $2::uuid AS id) AS x LEFT JOIN process_instances i ON i.id = x.id
         ON CONFLICT (id) DO NOTHING
         RETURNING id, process_instance_id)
       INSERT INTO history (process_instance_id, element_id, element_type, event, at, payload)
       SELECT inc.process_instance_id, NULL, NULL, 'incident', now(), jsonb_build_object('kind', 'job', 'incidentId', inc.id, 'message', $3::text)
         FROM inc WHERE inc.process_instance_id IS NOT NULL`,
      [incidentIdOf(job.jobId, job.attempt), instanceId, message, job.task, JSON.stringify(job.payload), job.key, job.maxAttempts],
    );
  }

  /**
   * An incident on an instance at an element, raised by a job handler that gives up at once (a
   * called process that is not deployed, an action or contact-plan step that cannot run): it
   * keeps the job so that `POST /incidents/{id}/retry` queues it again once the cause is fixed.
   */
  async raiseForElement(incident: {
    id: string;
    processInstanceId: string;
    elementId: string | null;
    message: string;
    job: { task: string; payload: JobPayload; key: string | null };
  }): Promise<void> {
    await this.pool.query(
      `WITH inc AS (
         INSERT INTO incidents (id, process_instance_id, element_id, kind, message, created_at, job_task, job_payload, job_key, job_max_attempts)
         VALUES ($1::uuid, $2::uuid, $3::text, 'job', $4::text, now(), $5::text, $6::jsonb, $7::text, 1)
         ON CONFLICT (id) DO NOTHING
         RETURNING id)
       INSERT INTO history (process_instance_id, element_id, element_type, event, at, payload)
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

  private async record(id: string): Promise<IncidentRecord> {
    if (!UUID.test(id)) throw new NotFound(`incident ${id} not found`);
    const result = await this.pool.query<IncidentRecord>(`SELECT ${COLUMNS} FROM incidents WHERE id = $1`, [id]);
    const row = result.rows[0];
    if (!row) throw new NotFound(`incident ${id} not found`);
    return row;
  }
}
