// A node remembers what it wrote last for the instances it just moved, and completes a task of
// one without reading it first. The memory is only ever tried: these tests make it stale in each
// way the instance or task can change behind it — a claim or unclaim (which does not move the
// instance's version), a command on another node, a rule set deployed on another node — and
// check that the command then reads and decides as if it had never remembered.
import request from 'supertest';
import { ADMIN_PASSWORD, bearer, setupEngineSuite } from './support/engine-suite.js';
import { startEngine, type EngineProcess } from './support/engine-process.js';
import { leadDiagram } from './support/diagrams.js';
import { eventually } from './support/polling.js';

const suite = setupEngineSuite();

/** Notifies when a lead's process ends. */
const endEvents = JSON.stringify({
  key: 'ri_end_events',
  name: 'Lead ended',
  kind: 'actions',
  hitPolicy: 'all',
  facts: { score: 'number' },
  rules: [
    {
      id: 'ended',
      conditions: { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: 0 }] },
      result: { on: 'processEnded', actions: [{ type: 'notifyUser', user: 'ri-anna', message: 'lead ended' }] },
    },
  ],
});

async function startLead(): Promise<{ instanceId: string; taskId: string }> {
  const started = await suite
    .http()
    .post('/api/v1/process-definitions/key/ri_lead/start')
    .set(...bearer(suite.adminToken()))
    .send({ variables: { score: 80 } });
  expect(started.status).toBe(201);
  const [task] = await suite.query<{ id: string }>('SELECT id FROM user_tasks WHERE process_instance_id = $1', [started.body.id]);
  return { instanceId: started.body.id as string, taskId: task!.id };
}

async function readsSkipped(): Promise<number> {
  const response = await suite
    .http()
    .get('/api/v1/health/node')
    .set(...bearer(suite.adminToken()));
  expect(response.status).toBe(200);
  return (response.body as { commands: { readsSkipped: number } }).commands.readsSkipped;
}

describe('completing tasks of instances this node remembers', () => {
  let other: EngineProcess | undefined;
  let otherToken = '';
  let anna: { token: string };
  let ben: { token: string };

  beforeAll(async () => {
    await suite.deploy([
      { name: 'lead.bpmn', content: leadDiagram('ri_lead', { candidateGroups: 'ri-sales' }) },
      { name: 'assigned.bpmn', content: leadDiagram('ri_assigned', { candidateGroups: 'ri-sales', assignee: 'ri-ben' }) },
    ]);
    anna = await suite.createUser('ri-anna', ['seller'], ['ri-sales']);
    ben = await suite.createUser('ri-ben', ['seller'], ['ri-sales']);
    other = await startEngine({ databaseUrl: suite.databaseUrl(), adminPassword: ADMIN_PASSWORD });
    otherToken = ((await request(other.url).post('/api/v1/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD })).body as { accessToken: string })
      .accessToken;
  }, 120_000);

  afterAll(async () => {
    await other?.stop();
  });

  it('given a task this node just created, when it is completed, then no read precedes the command and the instance completes', async () => {
    const { instanceId, taskId } = await startLead();
    const before = await readsSkipped();

    const completed = await suite
      .http()
      .post(`/api/v1/tasks/${taskId}/complete`)
      .set(...bearer(anna.token))
      .send({ variables: { outcome: 'won' } });

    expect(completed.status).toBe(200);
    expect(completed.body).toEqual(expect.objectContaining({ id: taskId, state: 'completed', completedBy: 'ri-anna', candidateGroups: ['ri-sales'] }));
    expect(completed.body.processInstance).toEqual(expect.objectContaining({ id: instanceId, state: 'completed', variables: { score: 80, outcome: 'won' } }));
    expect(await readsSkipped()).toBe(before + 1);
    const [row] = await suite.query<{ state: string; completed_by: string }>('SELECT state, completed_by FROM user_tasks WHERE id = $1', [taskId]);
    expect(row).toEqual({ state: 'completed', completed_by: 'ri-anna' });
  });

  it('given the task claimed by another seller after this node remembered it, when a seller of its group completes it, then 403 and the task stays open', async () => {
    const { taskId } = await startLead();
    expect(
      (
        await suite
          .http()
          .post(`/api/v1/tasks/${taskId}/claim`)
          .set(...bearer(ben.token))
      ).status,
    ).toBe(200);

    const completed = await suite
      .http()
      .post(`/api/v1/tasks/${taskId}/complete`)
      .set(...bearer(anna.token))
      .send({});

    expect(completed.status).toBe(403);
    const [row] = await suite.query<{ state: string; assignee: string }>('SELECT state, assignee FROM user_tasks WHERE id = $1', [taskId]);
    expect(row).toEqual({ state: 'created', assignee: 'ri-ben' });
  });

  it('given a task assigned by the diagram and unclaimed after this node remembered it, when a seller of its group completes it, then it completes (the stale memory does not refuse)', async () => {
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/ri_assigned/start')
      .set(...bearer(suite.adminToken()))
      .send({ variables: { score: 80 } });
    const [task] = await suite.query<{ id: string }>('SELECT id FROM user_tasks WHERE process_instance_id = $1', [started.body.id]);
    expect(
      (
        await suite
          .http()
          .post(`/api/v1/tasks/${task!.id}/unclaim`)
          .set(...bearer(ben.token))
      ).status,
    ).toBe(200);

    const completed = await suite
      .http()
      .post(`/api/v1/tasks/${task!.id}/complete`)
      .set(...bearer(anna.token))
      .send({});

    expect(completed.status).toBe(200);
    expect(completed.body.completedBy).toBe('ri-anna');
  });

  it('given the task completed on the other node, when it is completed again on this one, then 409 and it was completed once', async () => {
    const { instanceId, taskId } = await startLead();
    expect(
      (
        await request(other!.url)
          .post(`/api/v1/tasks/${taskId}/complete`)
          .set(...bearer(otherToken))
          .send({})
      ).status,
    ).toBe(200);

    const again = await suite
      .http()
      .post(`/api/v1/tasks/${taskId}/complete`)
      .set(...bearer(suite.adminToken()))
      .send({});

    expect(again.status).toBe(409);
    const completions = await suite.query<{ count: string }>("SELECT count(*) FROM history WHERE process_instance_id = $1 AND event = 'task-completed'", [
      instanceId,
    ]);
    expect(Number(completions[0]?.count)).toBe(1);
  });

  it('given an actions rule set deployed on the other node after this node remembered the instance, when its task is completed here, then the process end raises its event', async () => {
    const { instanceId, taskId } = await startLead();
    const deployed = await request(other!.url)
      .post('/api/v1/deployments')
      .set(...bearer(otherToken))
      .send({ name: 'end events', resources: [{ name: 'end.rule-set.json', content: endEvents }] });
    expect(deployed.status).toBe(201);

    const completed = await suite
      .http()
      .post(`/api/v1/tasks/${taskId}/complete`)
      .set(...bearer(suite.adminToken()))
      .send({});

    expect(completed.status).toBe(200);
    const messages = await eventually(async () => {
      const rows = await suite.query<{ message: string }>('SELECT message FROM notifications WHERE process_instance_id = $1', [instanceId]);
      return rows.length > 0 ? rows.map((row) => row.message) : undefined;
    }, 'the end notification');
    expect(messages).toEqual(['lead ended']);
  });
});
