// GET /api/v1/incidents (and /{id}), POST /api/v1/incidents/{id}/retry.
import { described, instant, integer, named, nullable, object, page, string, stringEnum, uuid } from '../schemas/json-schema.js';

export type IncidentKind = 'interpreter' | 'timeout' | 'resource-limit' | 'worker-crash' | 'job';
export type IncidentState = 'open' | 'resolved';

/** A job incident: the job that ran out of attempts (a retry queues it again). */
export interface IncidentJobView {
  task: string;
  key: string | null;
  maxAttempts: number;
}

export interface IncidentView {
  id: string;
  processInstanceId: string | null;
  elementId: string | null;
  kind: IncidentKind;
  message: string;
  state: IncidentState;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  job: IncidentJobView | null;
}

export const incidentSchema = named<IncidentView>('incident', {
  id: uuid,
  processInstanceId: nullable(uuid),
  elementId: nullable(string),
  kind: stringEnum(['interpreter', 'timeout', 'resource-limit', 'worker-crash', 'job']),
  message: string,
  state: stringEnum(['open', 'resolved']),
  createdAt: instant,
  resolvedAt: nullable(instant),
  resolvedBy: nullable(string),
  job: described(
    nullable(object<IncidentJobView>({ task: string, key: nullable(string), maxAttempts: integer })),
    'A job incident: the job that ran out of attempts (a retry queues it again).',
  ),
});

export const incidentPageSchema = page('incident-page', incidentSchema);
