import { Conflict, NotFound } from '../../platform/errors/domain-errors.js';
import type { FailedJob, JobHandlerRegistry } from '../../platform/jobs/job-handler-registry.js';
import type { InstanceCommandsService } from '../execution/instance-commands.service.js';
import { fakeAs } from '../../platform/database/fake-as.js';
import { FakeIncidentsRepository } from './incidents.repository.fake.js';
import type { IncidentsRepository } from './incidents.repository.js';
import { IncidentsService } from './incidents.service.js';

const INCIDENT = '40000000-0000-4000-8000-000000000001';
const INSTANCE = '20000000-0000-4000-8000-000000000001';
const actor = { userId: 'id-mia', username: 'mia' };

/** A collaborating service, of which the spec needs only the methods given. */
const partial = <T>(methods: Partial<T>): T => methods as T;

function newTestService() {
  const incidents = new FakeIncidentsRepository();
  const commands: { instanceId: string; command: unknown }[] = [];
  let recorder: ((job: FailedJob) => Promise<void>) | undefined;
  const registry = partial<JobHandlerRegistry>({
    recordFailuresWith: (record: (job: FailedJob) => Promise<void>) => {
      recorder = record;
    },
  });
  const instanceCommands = partial<InstanceCommandsService>({
    run: (async (instanceId: string, command: unknown) => {
      commands.push({ instanceId, command });
    }) as unknown as InstanceCommandsService['run'],
  });
  const service = new IncidentsService(fakeAs<IncidentsRepository>(incidents), instanceCommands, registry);
  const failed = (job: Partial<FailedJob>): Promise<void> => {
    if (!recorder) throw new Error('the service registered no recorder of failed jobs');
    return recorder({ jobId: '7', attempt: 3, task: 'stageflow.run-action', payload: {}, key: null, maxAttempts: 3, message: 'boom', ...job });
  };
  return { service, incidents, commands, failed };
}

describe('IncidentsService', () => {
  it('given an interpreter incident, when retried, then retryIncident runs on its instance', async () => {
    const { service, incidents, commands } = newTestService();
    incidents.seed({ id: INCIDENT, process_instance_id: INSTANCE, kind: 'interpreter' });

    await service.retry(INCIDENT, actor);

    expect(commands).toEqual([{ instanceId: INSTANCE, command: { type: 'retryIncident', incidentId: INCIDENT } }]);
  });

  it('given a job incident, when retried, then its job is queued again as it was and the incident is resolved by the caller', async () => {
    const { service, incidents, commands } = newTestService();
    incidents.seed({
      id: INCIDENT,
      process_instance_id: INSTANCE,
      kind: 'job',
      job_task: 'stageflow.run-action',
      job_payload: { a: 1 },
      job_key: 'k',
      job_max_attempts: 5,
    });

    const view = await service.retry(INCIDENT, actor);

    expect(incidents.requeued).toEqual([{ task: 'stageflow.run-action', payload: { a: 1 }, key: 'k', maxAttempts: 5 }]);
    expect(view).toMatchObject({ state: 'resolved', resolvedBy: 'mia', job: { task: 'stageflow.run-action', key: 'k', maxAttempts: 5 } });
    expect(commands).toEqual([]);
  });

  it('given a resolved incident, when retried, then 409 and nothing runs', async () => {
    const { service, incidents, commands } = newTestService();
    incidents.seed({ id: INCIDENT, process_instance_id: INSTANCE, resolved_at: new Date('2026-01-02T00:00:00Z') });

    await expect(service.retry(INCIDENT, actor)).rejects.toThrow(Conflict);
    expect(commands).toEqual([]);
    expect(incidents.requeued).toEqual([]);
  });

  it('given a job incident resolved by someone else meanwhile, when the retry resolves it, then 409', async () => {
    const { service, incidents } = newTestService();
    incidents.seed({ id: INCIDENT, kind: 'job', job_task: 'stageflow.run-action' });
    incidents.resolveAndRequeue = async () => false;

    await expect(service.retry(INCIDENT, actor)).rejects.toThrow('was resolved concurrently');
  });

  it.each(['timeout', 'resource-limit', 'worker-crash'])(
    'given a %s incident (its command was dropped), when retried, then 409 and nothing runs',
    async (kind) => {
      const { service, incidents, commands } = newTestService();
      incidents.seed({ id: INCIDENT, process_instance_id: INSTANCE, kind });

      await expect(service.retry(INCIDENT, actor)).rejects.toThrow(Conflict);
      expect(commands).toEqual([]);
    },
  );

  it('given an incident with neither instance nor job, when retried, then 409', async () => {
    const { service, incidents } = newTestService();
    incidents.seed({ id: INCIDENT, process_instance_id: null });

    await expect(service.retry(INCIDENT, actor)).rejects.toThrow('cannot be retried');
  });

  it('given an id that is no uuid or no incident, when read, then 404', async () => {
    const { service } = newTestService();

    await expect(service.get('not-a-uuid')).rejects.toThrow(NotFound);
    await expect(service.get(INCIDENT)).rejects.toThrow(NotFound);
  });

  it('given incidents of an instance the caller does not see, when read, listed or retried by them, then 404 and an empty list; others see theirs', async () => {
    const { service, incidents, commands } = newTestService();
    const other = '20000000-0000-4000-8000-000000000002';
    incidents.seed({ id: INCIDENT, process_instance_id: INSTANCE });
    incidents.seed({ id: '40000000-0000-4000-8000-000000000002', process_instance_id: other });
    incidents.sees = (_principal, instanceId) => instanceId === other;
    const seller = { userId: 'id-anna', username: 'anna', roles: ['seller' as const], groups: [] };

    await expect(service.get(INCIDENT, seller)).rejects.toThrow(NotFound);
    await expect(service.retry(INCIDENT, actor, seller)).rejects.toThrow(NotFound);
    const listed = await service.list({ processInstanceId: INSTANCE }, { offset: 0, limit: 10 }, seller);
    expect(listed).toEqual(expect.objectContaining({ items: [], total: 0 }));
    expect((await service.list({}, { offset: 0, limit: 10 }, seller)).items.map((incident) => incident.processInstanceId)).toEqual([other]);
    expect(commands).toEqual([]);
    expect((await service.get(INCIDENT)).id).toBe(INCIDENT);
  });

  it('given open and resolved incidents, when listed by state, then each shows its state', async () => {
    const { service, incidents } = newTestService();
    incidents.seed({ id: INCIDENT });
    incidents.seed({ id: '40000000-0000-4000-8000-000000000002', resolved_at: new Date('2026-01-02T00:00:00Z') });

    const open = await service.list({ state: 'open' }, { offset: 0, limit: 10 });

    expect(open.items.map((incident) => [incident.id, incident.state])).toEqual([[INCIDENT, 'open']]);
    expect(open.total).toBe(1);
  });

  it('given a job that failed its last attempt, when recorded twice, then one incident keeps its job, on the instance its payload names', async () => {
    const { incidents, failed } = newTestService();
    incidents.instances.add(INSTANCE);

    await failed({ payload: { processInstanceId: INSTANCE }, key: 'k' });
    await failed({ payload: { processInstanceId: INSTANCE }, key: 'k' });

    expect(incidents.rows).toEqual([
      expect.objectContaining({
        process_instance_id: INSTANCE,
        kind: 'job',
        message: 'job stageflow.run-action failed 3 time(s): boom',
        job_task: 'stageflow.run-action',
        job_key: 'k',
        job_max_attempts: 3,
      }),
    ]);
  });

  it('given the same job failing again on a later attempt, when recorded, then it is a second incident', async () => {
    const { incidents, failed } = newTestService();

    await failed({ attempt: 3 });
    await failed({ attempt: 4 });

    expect(new Set(incidents.rows.map((row) => row.id)).size).toBe(2);
  });

  it('given a payload whose instance id is no uuid, when its failure is recorded, then the incident names no instance; a long message is cut at 4000', async () => {
    const { incidents, failed } = newTestService();

    await failed({ payload: { processInstanceId: 'lead-7' }, message: 'x'.repeat(5000) });

    expect(incidents.rows[0]?.process_instance_id).toBeNull();
    expect(incidents.rows[0]?.message).toHaveLength(4000);
  });
});
