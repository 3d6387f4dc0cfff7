// "Due times and lock expiry are judged by the database's clock, not a node's": a node whose
// own clock is an hour ahead still stamps commands with the database's time.
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { oneTaskDiagram } from './support/diagrams.js';

const suite = setupEngineSuite({ env: { STAGEFLOW_FAKE_CLOCK_SKEW_MS: String(3600_000) } });

describe('database clock', () => {
  it('given a node whose clock is an hour ahead, when it starts an instance and completes its task, then both are stamped with the database clock', async () => {
    await suite.deploy([{ name: 'chores.bpmn', content: oneTaskDiagram('chores') }]);
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/chores/start')
      .set(...bearer(suite.adminToken()))
      .send({});
    expect(started.status).toBe(201);
    const [db] = await suite.query<{ now: Date }>('SELECT now() AS now');
    expect(Math.abs(Date.parse(started.body.createdAt as string) - (db as { now: Date }).now.getTime())).toBeLessThan(60_000);

    const tasks = await suite
      .http()
      .get(`/api/v1/tasks?processInstanceId=${started.body.id as string}`)
      .set(...bearer(suite.adminToken()));
    const done = await suite
      .http()
      .post(`/api/v1/tasks/${tasks.body.items[0].id as string}/complete`)
      .set(...bearer(suite.adminToken()))
      .send({});
    expect(done.status).toBe(200);
    const [row] = await suite.query<{ ended_at: Date; now: Date }>('SELECT ended_at, now() AS now FROM process_instances WHERE id = $1', [started.body.id]);
    expect(Math.abs((row as { ended_at: Date }).ended_at.getTime() - (row as { now: Date }).now.getTime())).toBeLessThan(60_000);
  });
});
