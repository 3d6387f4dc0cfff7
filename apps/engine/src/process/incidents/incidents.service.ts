// Incidents: where an instance (or a job) cannot go on by itself. Two sources:
// - the interpreter (a gateway without a matching flow, a FEEL error, a limit): retrying runs
//   `retryIncident` on the instance, which resolves it through the IncidentResolved effect;
// - a job whose handler failed on every attempt: the incident keeps the job, and retrying
//   queues it again (fresh attempts) and resolves the incident, in one statement.
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NotFound, Conflict } from '../../platform/errors/domain-errors.js';
import type { Page, Paging } from '../../platform/http/input.js';
import { InstanceCommandsService, type Actor } from '../execution/instance-commands.service.js';
import { JobHandlerRegistry, type FailedJob } from '../../platform/jobs/job-handler-registry.js';
import type { JobPayload } from '../../platform/jobs/job-request.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { incidentViewOf, type IncidentRow, type IncidentStateFilter, type IncidentView } from './incident.row.js';
import { IncidentsRepository } from './incidents.repository.js';

export type { IncidentStateFilter, IncidentView } from './incident.row.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stable incident id per job attempt: a node that records it twice (crash, retry) writes one row. */
function incidentIdOf(jobId: string, attempt: number): string {
  const hex = createHash('sha256').update(`job:${jobId}:${attempt}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

@Injectable()
export class IncidentsService {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly commands: InstanceCommandsService,
    jobs: JobHandlerRegistry,
  ) {
    // A job that fails for good becomes an incident, retried from the API.
    jobs.recordFailuresWith((job) => this.raiseForJob(job));
  }

  /** The incidents of the instances `viewer` sees (all without a viewer); the filters only narrow them. */
  async list(filter: { processInstanceId?: string; state?: IncidentStateFilter }, paging: Paging, viewer?: Principal): Promise<Page<IncidentView>> {
    const { rows, total } = await this.incidents.page({ ...filter, visibleTo: viewer }, paging);
    return { items: rows.map(incidentViewOf), total, offset: paging.offset, limit: paging.limit };
  }

  /** One incident; 404 when it does not exist or `viewer` (if given) does not see its instance. */
  async get(id: string, viewer?: Principal): Promise<IncidentView> {
    return incidentViewOf(await this.record(id, viewer));
  }

  /** Of an instance, oldest first (the instance view lists them). */
  async ofInstance(processInstanceId: string): Promise<IncidentView[]> {
    return (await this.incidents.ofInstance(processInstanceId)).map(incidentViewOf);
  }

  /**
   * Resolves an open incident: a job incident queues its job again; an interpreter incident
   * runs `retryIncident` on its instance (the parked token runs its element again).
   */
  async retry(id: string, actor: Actor, viewer?: Principal): Promise<IncidentView> {
    const incident = await this.record(id, viewer);
    if (incident.resolved_at) throw new Conflict(`incident ${id} is already resolved`, [{ incidentId: id, state: 'resolved' }]);
    if (incident.job_task) {
      const job = {
        task: incident.job_task,
        payload: incident.job_payload ?? {},
        key: incident.job_key ?? undefined,
        maxAttempts: incident.job_max_attempts ?? undefined,
      };
      if (!(await this.incidents.resolveAndRequeue(id, actor.username, job)))
        throw new Conflict(`incident ${id} was resolved concurrently`, [{ incidentId: id }]);
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
    await this.incidents.insertForJob({
      id: incidentIdOf(job.jobId, job.attempt),
      processInstanceId: instanceId,
      message: `job ${job.task} failed ${job.attempt} time(s): ${job.message}`.slice(0, 4000),
      job: { task: job.task, payload: job.payload, key: job.key, maxAttempts: job.maxAttempts },
    });
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
    await this.incidents.insertForElement(incident);
  }

  private async record(id: string, viewer?: Principal): Promise<IncidentRow> {
    if (!UUID.test(id)) throw new NotFound(`incident ${id} not found`);
    const row = await this.incidents.byId(id, viewer);
    if (!row) throw new NotFound(`incident ${id} not found`);
    return row;
  }
}
