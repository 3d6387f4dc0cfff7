// For service specs: IncidentsRepository over an array of rows, answering as its SQL does (a
// resolution only of an open incident, inserts idempotent by id), with the jobs it queued again.
import type { Paging } from '../../platform/http/input.js';
import type { JobRequest } from '../../platform/jobs/job-request.js';
import type { IncidentRow } from './incident.row.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { IncidentRowFilter, IncidentsRepository, NewElementIncident, NewJobIncident } from './incidents.repository.js';

export class FakeIncidentsRepository implements Pick<IncidentsRepository, keyof IncidentsRepository> {
  rows: IncidentRow[] = [];
  /** Jobs queued again by a retry. */
  readonly requeued: JobRequest[] = [];
  /** Instances that exist (a job incident keeps its instance only then). */
  readonly instances = new Set<string>();
  /** Who sees which instance, standing in for the SQL condition (instance-visibility.ts); default: everyone sees all. */
  sees: (principal: Principal, processInstanceId: string | null) => boolean = () => true;

  seed(incident: Partial<IncidentRow> & Pick<IncidentRow, 'id'>): IncidentRow {
    const row: IncidentRow = {
      process_instance_id: null,
      element_id: null,
      kind: 'interpreter',
      message: 'no flow matched',
      created_at: new Date(`2026-01-01T00:00:${String(this.rows.length).padStart(2, '0')}Z`),
      resolved_at: null,
      resolved_by: null,
      job_task: null,
      job_payload: null,
      job_key: null,
      job_max_attempts: null,
      ...incident,
    };
    this.rows.push(row);
    return row;
  }

  async page(filter: IncidentRowFilter, paging: Paging): Promise<{ rows: IncidentRow[]; total: number }> {
    const matching = this.rows
      .filter((row) => filter.visibleTo === undefined || this.sees(filter.visibleTo, row.process_instance_id))
      .filter((row) => filter.processInstanceId === undefined || row.process_instance_id === filter.processInstanceId)
      .filter((row) => filter.state === undefined || (filter.state === 'open') === (row.resolved_at === null))
      .sort((a, b) => b.created_at.getTime() - a.created_at.getTime());
    return { rows: matching.slice(paging.offset, paging.offset + paging.limit), total: matching.length };
  }

  async byId(id: string, visibleTo?: Principal): Promise<IncidentRow | undefined> {
    return this.rows.find((row) => row.id === id && (visibleTo === undefined || this.sees(visibleTo, row.process_instance_id)));
  }

  async ofInstance(processInstanceId: string): Promise<IncidentRow[]> {
    return this.rows.filter((row) => row.process_instance_id === processInstanceId);
  }

  async resolveAndRequeue(id: string, by: string, job: JobRequest): Promise<boolean> {
    const row = this.rows.find((candidate) => candidate.id === id);
    if (!row || row.resolved_at !== null) return false;
    row.resolved_at = new Date('2026-01-02T00:00:00Z');
    row.resolved_by = by;
    this.requeued.push(job);
    return true;
  }

  async insertForJob(incident: NewJobIncident): Promise<void> {
    if (this.rows.some((row) => row.id === incident.id)) return;
    this.seed({
      id: incident.id,
      process_instance_id: incident.processInstanceId !== null && this.instances.has(incident.processInstanceId) ? incident.processInstanceId : null,
      kind: 'job',
      message: incident.message,
      job_task: incident.job.task,
      job_payload: incident.job.payload,
      job_key: incident.job.key,
      job_max_attempts: incident.job.maxAttempts,
    });
  }

  async insertForElement(incident: NewElementIncident): Promise<void> {
    if (this.rows.some((row) => row.id === incident.id)) return;
    this.seed({
      id: incident.id,
      process_instance_id: incident.processInstanceId,
      element_id: incident.elementId,
      kind: 'job',
      message: incident.message,
      job_task: incident.job.task,
      job_payload: incident.job.payload,
      job_key: incident.job.key,
      job_max_attempts: 1,
    });
  }
}
