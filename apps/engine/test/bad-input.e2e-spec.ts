import fc from 'fast-check';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { leadDiagram, oneTaskDiagram } from './support/diagrams.js';

const suite = setupEngineSuite();

describe('bad input', () => {
  beforeAll(async () => {
    await suite.deploy([
      { name: 'lead.bpmn', content: leadDiagram('lead') },
      { name: 'plain.bpmn', content: oneTaskDiagram('plain') },
    ]);
  });

  async function instanceCount(): Promise<number> {
    return Number((await suite.query<{ count: string }>('SELECT count(*) FROM process_instances'))[0]?.count);
  }

  it.each([
    ['an array', [1, 2]],
    ['a string', 'score=10'],
    ['a number', 42],
    ['null inside an array', [null]],
  ])('given variables that are %s, when starting, then 400 names variables and nothing is stored', async (_label, variables) => {
    const before = await instanceCount();

    const response = await suite
      .http()
      .post('/api/v1/process-definitions/key/lead/start')
      .set(...bearer(suite.adminToken()))
      .send({ variables });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'bad_request', message: expect.any(String), details: [expect.objectContaining({ path: 'variables' })] });
    expect(await instanceCount()).toBe(before);
  });

  it.each([
    ['{"variables":{"__proto__":{"admin":true}}}', 'variables.__proto__'],
    ['{"variables":{"customer":{"profile":{"constructor":{"prototype":{"x":1}}}}}}', 'variables.customer.profile.constructor'],
    ['{"variables":{"list":[{"prototype":1}]}}', 'variables.list[0].prototype'],
  ])('given the body %s, when starting, then 400 names %s', async (raw, path) => {
    const response = await suite
      .http()
      .post('/api/v1/process-definitions/key/lead/start')
      .set(...bearer(suite.adminToken()))
      .set('Content-Type', 'application/json')
      .send(raw);

    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual(expect.objectContaining({ path }));
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('given a __proto__ key in completion variables, when completing, then 400 and the task stays open', async () => {
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/plain/start')
      .set(...bearer(suite.adminToken()))
      .send({});
    const tasks = await suite
      .http()
      .get(`/api/v1/tasks?processInstanceId=${started.body.id}`)
      .set(...bearer(suite.adminToken()));
    const taskId = tasks.body.items[0].id as string;

    const response = await suite
      .http()
      .post(`/api/v1/tasks/${taskId}/complete`)
      .set(...bearer(suite.adminToken()))
      .set('Content-Type', 'application/json')
      .send('{"variables":{"a":{"__proto__":{}}}}');

    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual(expect.objectContaining({ path: 'variables.a.__proto__' }));
    const task = await suite
      .http()
      .get(`/api/v1/tasks/${taskId}`)
      .set(...bearer(suite.adminToken()));
    expect(task.body.state).toBe('created');
  });

  it('given malformed JSON, when posted, then 400 in the error format', async () => {
    const response = await suite
      .http()
      .post('/api/v1/process-definitions/key/lead/start')
      .set(...bearer(suite.adminToken()))
      .set('Content-Type', 'application/json')
      .send('{"variables": {');

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'bad_request', message: expect.any(String), details: [] });
  });

  it('given a JSON body over 1 MB, when posted, then 413 in the error format', async () => {
    const big = { variables: { blob: 'x'.repeat(1_100_000) } };

    const response = await suite
      .http()
      .post('/api/v1/process-definitions/key/lead/start')
      .set(...bearer(suite.adminToken()))
      .send(big);

    expect(response.status).toBe(413);
    expect(response.body).toEqual(expect.objectContaining({ error: 'payload_too_large', message: expect.any(String) }));
  });

  it('given an uploaded file over 5 MB, when deployed, then 413', async () => {
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .attach('files', Buffer.alloc(5 * 1024 * 1024 + 10, 'a'), 'huge.bpmn');

    expect(response.status).toBe(413);
    expect(response.body.error).toBe('payload_too_large');
  });

  it('given unknown fields in a start body, when starting, then 400 names them', async () => {
    const response = await suite
      .http()
      .post('/api/v1/process-definitions/key/lead/start')
      .set(...bearer(suite.adminToken()))
      .send({ variabels: { score: 1 } });

    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual(expect.objectContaining({ path: 'variabels' }));
  });

  it('given an unknown route, when called, then 404 in the error format', async () => {
    const response = await suite
      .http()
      .get('/api/v1/nothing-here')
      .set(...bearer(suite.adminToken()));

    expect(response.status).toBe(404);
    expect(response.body).toEqual(expect.objectContaining({ error: 'not_found' }));
  });

  it('given three thousand malformed and mutated diagrams, when deployed, then every answer is a 4xx (or a success) and never a 500', async () => {
    const base = leadDiagram('fuzzed');
    const mutation = fc.oneof(
      // cut the document somewhere
      fc.nat({ max: base.length }).map((cut) => base.slice(0, cut)),
      // delete a slice
      fc.tuple(fc.nat({ max: base.length }), fc.nat({ max: 40 })).map(([at, length]) => base.slice(0, at) + base.slice(at + length)),
      // insert random text
      fc.tuple(fc.nat({ max: base.length }), fc.string({ maxLength: 20 })).map(([at, text]) => base.slice(0, at) + text + base.slice(at)),
      // swap the ids and references around
      fc
        .constantFrom('start', 'qualify', 'call', 'done', 'f1', 'fHigh')
        .chain((id) => fc.constantFrom('', 'x', 'call', '1bad id', '&amp;').map((other) => base.split(`"${id}"`).join(`"${other}"`))),
      // arbitrary strings
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (content) => {
        const response = await suite
          .http()
          .post('/api/v1/deployments')
          .set(...bearer(suite.adminToken()))
          .send({ name: 'fuzz', resources: [{ name: 'fuzz.bpmn', content }] });
        return response.status < 500 && typeof response.body.error === (response.status >= 400 ? 'string' : 'undefined');
      }),
      { numRuns: 3000 },
    );
    const health = await suite.http().get('/api/v1/health');
    expect(health.status).toBe(200);
  }, 180_000);
});
