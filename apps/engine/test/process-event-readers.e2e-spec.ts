// Process events have a reader only while an `actions` rule set is deployed; without one, a
// command's statement carries no event jobs. Whether one is deployed is known per node as of the
// rule-set generation: these tests check that a deploy on ANOTHER node is seen by this node's
// next start (which has no read of its own) and next task completion.
import request from 'supertest';
import { ADMIN_PASSWORD, bearer, setupEngineSuite } from './support/engine-suite.js';
import { startEngine, type EngineProcess } from './support/engine-process.js';
import { eventually } from './support/polling.js';
import { oneTaskDiagram } from './support/diagrams.js';

const suite = setupEngineSuite();

/** Notifies on every start and every end of a lead. */
const leadEvents = JSON.stringify({
  key: 'pe_lead_events',
  name: 'Lead events',
  kind: 'actions',
  hitPolicy: 'all',
  facts: { lead: 'string' },
  rules: [
    {
      id: 'started',
      conditions: { all: [{ fact: 'lead', operator: 'notEqual', value: '' }] },
      result: { on: 'processStarted', actions: [{ type: 'notifyUser', user: 'pe-anna', message: 'started {{ lead }}' }] },
    },
    {
      id: 'ended',
      conditions: { all: [{ fact: 'lead', operator: 'notEqual', value: '' }] },
      result: { on: 'processEnded', actions: [{ type: 'notifyUser', user: 'pe-anna', message: 'ended {{ lead }}' }] },
    },
  ],
});

async function start(leadName: string): Promise<string> {
  const response = await suite
    .http()
    .post('/api/v1/process-definitions/key/pe_lead/start')
    .set(...bearer(suite.adminToken()))
    .send({ variables: { lead: leadName } });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

async function completeTaskOf(instanceId: string): Promise<void> {
  const [task] = await suite.query<{ id: string }>('SELECT id FROM user_tasks WHERE process_instance_id = $1', [instanceId]);
  const response = await suite
    .http()
    .post(`/api/v1/tasks/${task!.id}/complete`)
    .set(...bearer(suite.adminToken()))
    .send({});
  expect(response.status).toBe(200);
}

async function eventJobs(): Promise<number> {
  const rows = await suite.query<{ count: string }>(
    "SELECT count(*) FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'stageflow.process-event'",
  );
  return Number(rows[0]?.count);
}

async function notifications(instanceId: string): Promise<string[]> {
  const rows = await suite.query<{ message: string }>('SELECT message FROM notifications WHERE process_instance_id = $1 ORDER BY message DESC', [instanceId]);
  return rows.map((row) => row.message);
}

describe('process events and their readers across engine nodes', () => {
  let other: EngineProcess | undefined;

  beforeAll(async () => {
    await suite.createUser('pe-anna', ['seller']);
    await suite.deploy([{ name: 'lead.bpmn', content: oneTaskDiagram('pe_lead') }]);
    other = await startEngine({ databaseUrl: suite.databaseUrl(), adminPassword: ADMIN_PASSWORD });
  }, 120_000);

  afterAll(async () => {
    await other?.stop();
  });

  it('given no actions rule set, when a lead starts and its task is completed, then no event job is written', async () => {
    const id = await start('Early Ed');
    await completeTaskOf(id);

    expect(await eventJobs()).toBe(0);
    expect(await notifications(id)).toEqual([]);
  });

  it('given this node knows of no actions rule set, when the other node deploys one, then the next start and completion on this node raise their events', async () => {
    const waiting = await start('Waiting Wanda');
    if (!other) throw new Error('the second node is not running');
    const login = await request(other.url).post('/api/v1/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
    const deployed = await request(other.url)
      .post('/api/v1/deployments')
      .set(...bearer((login.body as { accessToken: string }).accessToken))
      .send({ name: 'events on the other node', resources: [{ name: 'lead-events.rule-set.json', content: leadEvents }] });
    expect(deployed.status).toBe(201);

    const started = await start('Late Larry');
    await completeTaskOf(waiting);

    expect(await eventually(async () => ((await notifications(started)).length === 1 ? notifications(started) : undefined), 'the start notification')).toEqual([
      'started Late Larry',
    ]);
    expect(await eventually(async () => ((await notifications(waiting)).length === 1 ? notifications(waiting) : undefined), 'the end notification')).toEqual([
      'ended Waiting Wanda',
    ]);
  });
});
