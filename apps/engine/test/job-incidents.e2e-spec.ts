// Jobs that keep failing become incidents; POST /incidents/{id}/retry queues them again.
// The failing job is a real engine job (fire a timer) whose payload names no timer, so its
// handler throws on every attempt.
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { oneTaskDiagram } from './support/diagrams.js';

const suite = setupEngineSuite();

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((wait) => setTimeout(wait, 200));
  }
}

interface IncidentBody {
  id: string;
  processInstanceId: string | null;
  kind: string;
  message: string;
  state: string;
  job: { task: string; key: string | null; maxAttempts: number } | null;
}

async function openIncidents(instanceId: string): Promise<IncidentBody[]> {
  const response = await suite
    .http()
    .get(`/api/v1/incidents?processInstanceId=${instanceId}&state=open`)
    .set(...bearer(suite.adminToken()));
  expect(response.status).toBe(200);
  return response.body.items as IncidentBody[];
}

describe('job incidents', () => {
  let instanceId = '';

  beforeAll(async () => {
    await suite.deploy([{ name: 'chores.bpmn', content: oneTaskDiagram('chores') }]);
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/chores/start')
      .set(...bearer(suite.adminToken()))
      .send({});
    instanceId = started.body.id as string;
  });

  it('given a job that fails on every attempt, when its attempts run out, then the instance gets an open job incident with the error, and a retry queues the job again', async () => {
    await suite.query(
      `SELECT graphile_worker.add_job('stageflow.fire-timer', json_build_object('processInstanceId', $1::text), max_attempts => 2, job_key => 'broken-job')`,
      [instanceId],
    );

    // Two attempts with graphile-worker's back-off (about 3 s between them), then the incident.
    const [incident] = await eventually(async () => {
      const open = await openIncidents(instanceId);
      return open.length > 0 ? open : undefined;
    }, 'the job incident');
    expect(incident).toEqual(
      expect.objectContaining({
        processInstanceId: instanceId,
        kind: 'job',
        state: 'open',
        job: { task: 'stageflow.fire-timer', key: 'broken-job', maxAttempts: 2 },
      }),
    );
    expect(incident?.message).toMatch(/failed 2 time\(s\): job payload has no timerId/);
    const jobsLeft = await suite.query<{ n: string }>(`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = 'broken-job'`);
    expect(Number(jobsLeft[0]?.n)).toBe(0);

    const shown = await suite
      .http()
      .get(`/api/v1/incidents/${incident?.id as string}`)
      .set(...bearer(suite.adminToken()));
    expect(shown.status).toBe(200);
    expect(shown.body.id).toBe(incident?.id);
    const instance = await suite
      .http()
      .get(`/api/v1/process-instances/${instanceId}`)
      .set(...bearer(suite.adminToken()));
    expect(instance.body.incidents).toEqual([expect.objectContaining({ id: incident?.id, kind: 'job' })]);

    const retried = await suite
      .http()
      .post(`/api/v1/incidents/${incident?.id as string}/retry`)
      .set(...bearer(suite.adminToken()));
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(expect.objectContaining({ id: incident?.id, state: 'resolved', resolvedBy: 'admin' }));

    // The job ran again (fresh attempts) and, still broken, failed into a second incident.
    const [second] = await eventually(async () => {
      const open = await openIncidents(instanceId);
      return open.length > 0 ? open : undefined;
    }, 'the second job incident');
    expect(second?.id).not.toBe(incident?.id);
    const resolved = await suite
      .http()
      .get(`/api/v1/incidents?processInstanceId=${instanceId}&state=resolved`)
      .set(...bearer(suite.adminToken()));
    expect(resolved.body.items.map((i: IncidentBody) => i.id)).toEqual([incident?.id]);
    const history = await suite
      .http()
      .get(`/api/v1/process-instances/${instanceId}/history`)
      .set(...bearer(suite.adminToken()));
    expect(history.body.items.map((h: { event: string }) => h.event)).toEqual(expect.arrayContaining(['incident', 'incident-resolved']));
  });

  it('given a resolved incident, when retried again, then 409', async () => {
    const resolved = await suite
      .http()
      .get('/api/v1/incidents?state=resolved')
      .set(...bearer(suite.adminToken()));
    const id = resolved.body.items[0].id as string;
    const again = await suite
      .http()
      .post(`/api/v1/incidents/${id}/retry`)
      .set(...bearer(suite.adminToken()));
    expect(again.status).toBe(409);
    expect(again.body).toEqual(expect.objectContaining({ error: 'conflict' }));
  });

  it('given a seller, when retrying an incident, then 403', async () => {
    const seller = await suite.createUser('sam', ['seller'], ['sales']);
    const open = await suite
      .http()
      .get('/api/v1/incidents?state=open')
      .set(...bearer(suite.adminToken()));
    const response = await suite
      .http()
      .post(`/api/v1/incidents/${open.body.items[0].id as string}/retry`)
      .set(...bearer(seller.token));
    expect(response.status).toBe(403);
  });

  it('given bad ids and filters, when asked, then 4xx JSON naming the problem', async () => {
    const token = suite.adminToken();
    const notUuid = await suite
      .http()
      .get('/api/v1/incidents/nope')
      .set(...bearer(token));
    expect(notUuid.status).toBe(404);
    expect(notUuid.body.error).toBe('not_found');
    const unknown = await suite
      .http()
      .post('/api/v1/incidents/00000000-0000-4000-8000-000000000000/retry')
      .set(...bearer(token));
    expect(unknown.status).toBe(404);
    const badState = await suite
      .http()
      .get('/api/v1/incidents?state=broken')
      .set(...bearer(token));
    expect(badState.status).toBe(400);
    expect(badState.body.details).toEqual([expect.objectContaining({ path: 'state' })]);
    const badInstance = await suite
      .http()
      .get('/api/v1/incidents?processInstanceId=x')
      .set(...bearer(token));
    expect(badInstance.status).toBe(400);
  });
});
