// `incidents`: the row as PostgreSQL returns it, and its view. Interpreter incidents are written
// by the command write (InstanceStoreRepository); job incidents and retries by IncidentsRepository.
import type { JobPayload } from '../../platform/jobs/job-request.js';

/** `storage`: a command's result the database could not store (unstorable-result.ts); like the limits, it cannot be retried. */
export type IncidentKind = 'interpreter' | 'timeout' | 'resource-limit' | 'worker-crash' | 'job' | 'storage';

export type IncidentStateFilter = 'open' | 'resolved';

export interface IncidentRow {
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

export function incidentViewOf(row: IncidentRow): IncidentView {
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
