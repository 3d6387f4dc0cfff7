import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { gatewayDiagram, taskThenGatewayDiagram } from './support/diagrams.js';

// A short limit keeps the suite fast; the default is 2 s.
const suite = setupEngineSuite({ env: { STAGEFLOW_COMMAND_TIMEOUT_MS: '1000', STAGEFLOW_WORKER_MAX_HEAP_MB: '64' } });

const ABUSE: [string, string][] = [
  ['a huge for loop', '= count(for i in 1..100000000 return i) &gt; 0'],
  ['a catastrophic regular expression', '= matches("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "(a+)+$")'],
  ['a giant list', '= count(for i in 1..20000000 return [i, i, i, i]) &gt; 0'],
];

describe('FEEL that runs too long or allocates too much', () => {
  it.each(ABUSE)(
    'given a gateway condition with %s, when an instance starts, then it becomes an incident and the node keeps serving',
    async (label, condition) => {
      const key = `abuse_${label.replace(/\W+/g, '_')}`;
      await suite.deploy([{ name: `${key}.bpmn`, content: gatewayDiagram(key, condition) }]);

      const starting = suite
        .http()
        .post(`/api/v1/process-definitions/key/${key}/start`)
        .set(...bearer(suite.adminToken()))
        .send({});
      const healthWhileRunning = await suite.http().get('/api/v1/health');
      const started = await starting;

      expect(healthWhileRunning.status).toBe(200);
      expect(started.status).toBe(201);
      expect(started.body.state).toBe('incident');
      const instance = await suite
        .http()
        .get(`/api/v1/process-instances/${started.body.id as string}`)
        .set(...bearer(suite.adminToken()));
      expect(instance.body.state).toBe('incident');
      expect(instance.body.incidents).toEqual([
        expect.objectContaining({ kind: expect.stringMatching(/timeout|resource-limit/), message: expect.any(String) }),
      ]);
      const history = await suite
        .http()
        .get(`/api/v1/process-instances/${started.body.id as string}/history`)
        .set(...bearer(suite.adminToken()));
      expect(history.body.items.map((item: { event: string }) => item.event)).toContain('incident');
      const definitions = await suite
        .http()
        .get('/api/v1/process-definitions')
        .set(...bearer(suite.adminToken()));
      expect(definitions.status).toBe(200);
    },
  );

  it('given a hang after a user task, when the task is completed, then the instance becomes an incident, the task stays open, and other instances still run', async () => {
    await suite.deploy([
      { name: 'late.bpmn', content: taskThenGatewayDiagram('late_abuse', ABUSE[1]?.[1] ?? '') },
      { name: 'fine.bpmn', content: taskThenGatewayDiagram('fine', '= true') },
    ]);
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/late_abuse/start')
      .set(...bearer(suite.adminToken()))
      .send({});
    const tasks = await suite
      .http()
      .get(`/api/v1/tasks?processInstanceId=${started.body.id as string}`)
      .set(...bearer(suite.adminToken()));
    const taskId = tasks.body.items[0].id as string;

    const completed = await suite
      .http()
      .post(`/api/v1/tasks/${taskId}/complete`)
      .set(...bearer(suite.adminToken()))
      .send({});

    expect(completed.status).toBe(200);
    expect(completed.body.processInstance.state).toBe('incident');
    const task = await suite
      .http()
      .get(`/api/v1/tasks/${taskId}`)
      .set(...bearer(suite.adminToken()));
    expect(task.body.state).toBe('created');
    const retry = await suite
      .http()
      .post(`/api/v1/tasks/${taskId}/complete`)
      .set(...bearer(suite.adminToken()))
      .send({});
    expect(retry.status).toBe(409);
    const fine = await suite
      .http()
      .post('/api/v1/process-definitions/key/fine/start')
      .set(...bearer(suite.adminToken()))
      .send({});
    expect(fine.body.state).toBe('active');
  });

  it('given several abusive starts at once, when they run, then every one ends as an incident and the node answers throughout', async () => {
    const key = 'abuse_parallel';
    await suite.deploy([{ name: `${key}.bpmn`, content: gatewayDiagram(key, ABUSE[1]?.[1] ?? '') }]);

    const starts = Promise.all(
      [1, 2, 3].map(() =>
        suite
          .http()
          .post(`/api/v1/process-definitions/key/${key}/start`)
          .set(...bearer(suite.adminToken()))
          .send({}),
      ),
    );
    const health = await suite.http().get('/api/v1/health');
    const results = await starts;

    expect(health.status).toBe(200);
    expect(results.map((r) => r.body.state)).toEqual(['incident', 'incident', 'incident']);
  });
});
