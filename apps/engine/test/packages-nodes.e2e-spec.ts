// Parameters changed on one node reach commands on another at once: a start on a node that still
// knows the old parameter version is refused by its own INSERT and runs again on the new one, and
// the completion of a task of an instance a node remembers (no read) is refused by its write's
// check and runs again after a read (instance-parameters.ts).
import request from 'supertest';
import { ADMIN_PASSWORD, bearer, setupEngineSuite } from './support/engine-suite.js';
import { startEngine, type EngineProcess } from './support/engine-process.js';
import { tenderPackage } from './support/packages.js';

const suite = setupEngineSuite();

async function start(amount: number): Promise<string> {
  const response = await suite.as(suite.adminToken()).post('/process-definitions/key/tender/start', { variables: { amount } });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

/** Completes the instance's `review` task on this suite's node; answers the parameters its outputs saw. */
async function review(instanceId: string): Promise<{ limitSeen: unknown; slaSeen: unknown }> {
  const [task] = await suite.query<{ id: string }>("SELECT id FROM user_tasks WHERE process_instance_id = $1 AND element_id = 'review'", [instanceId]);
  const completed = await suite.as(suite.adminToken()).post(`/tasks/${task!.id}/complete`, {});
  expect(completed.status).toBe(200);
  const { limitSeen, slaSeen } = completed.body.processInstance.variables as { limitSeen: unknown; slaSeen: unknown };
  return { limitSeen, slaSeen };
}

describe('parameters changed on another node', () => {
  let other: EngineProcess | undefined;
  let otherToken = '';

  async function putOnOther(values: Record<string, unknown>): Promise<void> {
    const response = await request(other!.url)
      .put('/api/v1/packages/tender/parameters')
      .set(...bearer(otherToken))
      .send(values);
    expect(response.status).toBe(200);
  }

  beforeAll(async () => {
    const deployed = await suite
      .http()
      .post('/api/v1/packages')
      .set(...bearer(suite.adminToken()))
      .set('Content-Type', 'application/zip')
      .send(Buffer.from(tenderPackage()));
    expect(deployed.status).toBe(201);
    other = await startEngine({ databaseUrl: suite.databaseUrl(), adminPassword: ADMIN_PASSWORD });
    otherToken = ((await request(other.url).post('/api/v1/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD })).body as { accessToken: string })
      .accessToken;
  }, 120_000);

  afterAll(async () => {
    await other?.stop();
  });

  it('given an instance this node remembers, when the other node changes the parameters and its task is completed here, then it sees the new live value and keeps its start value', async () => {
    const instance = await start(300);

    await putOnOther({ limit: 500, slaHours: 8 });

    expect(await review(instance)).toEqual({ limitSeen: 100, slaSeen: 8 });
  });

  it('given this node knows an older parameter version, when the other node changes them and an instance starts here, then it starts with the new values', async () => {
    await putOnOther({ limit: 700, slaHours: 4 });

    const instance = await start(300);

    expect(await review(instance)).toEqual({ limitSeen: 700, slaSeen: 4 });
    const [row] = await suite.query<{ parameter_version: number }>('SELECT parameter_version FROM process_instances WHERE id = $1', [instance]);
    expect(row).toEqual({ parameter_version: 3 });
  });
});
