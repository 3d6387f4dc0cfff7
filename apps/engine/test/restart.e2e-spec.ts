import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { leadDiagram } from './support/diagrams.js';

const suite = setupEngineSuite();

describe('restart', () => {
  it('given an instance waiting at a user task, when the engine is stopped and started again, then the task can be completed and the instance completes', async () => {
    await suite.deploy([{ name: 'lead.bpmn', content: leadDiagram('lead') }]);
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/lead/start')
      .set(...bearer(suite.adminToken()))
      .send({ businessKey: 'R-1', variables: { score: 88 } });
    const tasks = await suite
      .http()
      .get(`/api/v1/tasks?processInstanceId=${started.body.id as string}`)
      .set(...bearer(suite.adminToken()));
    const taskId = tasks.body.items[0].id as string;

    await suite.restartEngine();

    const before = await suite
      .http()
      .get(`/api/v1/process-instances/${started.body.id as string}`)
      .set(...bearer(suite.adminToken()));
    expect(before.body).toEqual(expect.objectContaining({ state: 'active', activeElementIds: ['call'] }));
    const completed = await suite
      .http()
      .post(`/api/v1/tasks/${taskId}/complete`)
      .set(...bearer(suite.adminToken()))
      .send({ variables: { reached: true } });
    expect(completed.status).toBe(200);
    const after = await suite
      .http()
      .get(`/api/v1/process-instances/${started.body.id as string}`)
      .set(...bearer(suite.adminToken()));
    expect(after.body).toEqual(expect.objectContaining({ state: 'completed', businessKey: 'R-1', variables: { score: 88, reached: true } }));
  });
});
