// Text PostgreSQL cannot store — a NUL, a lone UTF-16 surrogate, bytes that are not UTF-8 — is
// refused at the edge with a 400 naming where it was, on every kind of input, and changes nothing.
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { oneTaskDiagram } from './support/diagrams.js';

const suite = setupEngineSuite();

describe('text the database cannot store', () => {
  let taskId = '';

  beforeAll(async () => {
    await suite.deploy([{ name: 'plain.bpmn', content: oneTaskDiagram('plain') }]);
    const started = await suite
      .http()
      .post('/api/v1/process-definitions/key/plain/start')
      .set(...bearer(suite.adminToken()))
      .send({});
    const tasks = await suite
      .http()
      .get(`/api/v1/tasks?processInstanceId=${started.body.id}`)
      .set(...bearer(suite.adminToken()));
    taskId = tasks.body.items[0].id;
  });

  async function counts(): Promise<Record<string, number>> {
    const [row] = await suite.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM process_instances) AS instances, (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM teams) AS teams,
              (SELECT count(*) FROM deployments) AS deployments, (SELECT count(*) FROM api_tokens) AS tokens, (SELECT count(*) FROM user_tasks WHERE state = 'created') AS open_tasks`,
    );
    return Object.fromEntries(Object.entries(row!).map(([key, value]) => [key, Number(value)]));
  }

  const nul = '\\u0000';
  const surrogate = '\\ud800';

  it.each([
    ['a start variable value with a NUL', '/api/v1/process-definitions/key/plain/start', `{"variables":{"a":"x${nul}y"}}`, 'body/variables/a'],
    ['a start variable name with a NUL', '/api/v1/process-definitions/key/plain/start', `{"variables":{"a${nul}":1}}`, 'body/variables/a'],
    [
      'a nested start variable with a lone surrogate',
      '/api/v1/process-definitions/key/plain/start',
      `{"variables":{"c":{"n":["ok","${surrogate}"]}}}`,
      'body/variables/c/n/1',
    ],
    ['a business key with a NUL', '/api/v1/process-definitions/key/plain/start', `{"businessKey":"lead${nul}1"}`, 'body/businessKey'],
    ['a business key with a lone surrogate', '/api/v1/process-definitions/key/plain/start', `{"businessKey":"lead${surrogate}"}`, 'body/businessKey'],
    ['a login username with a NUL', '/api/v1/auth/login', `{"username":"admin${nul}","password":"x"}`, 'body/username'],
    ['a new username with a NUL', '/api/v1/users', `{"username":"u${nul}","password":"password-1","roles":["seller"]}`, 'body/username'],
    [
      'a skill with a lone surrogate',
      '/api/v1/users',
      `{"username":"u1","password":"password-1","roles":["seller"],"skills":["${surrogate}"]}`,
      'body/skills/0',
    ],
    ['a team name with a lone surrogate', '/api/v1/teams', `{"name":"team${surrogate}"}`, 'body/name'],
    ['a territory name with a NUL', '/api/v1/territories', `{"key":"t${nul}","name":"T"}`, 'body/key'],
    ['an API token name with a NUL', '/api/v1/api-tokens', `{"name":"n${nul}"}`, 'body/name'],
    ['a message name with a NUL', '/api/v1/messages', `{"name":"m${nul}","correlationKey":"k"}`, 'body/name'],
    ['a correlation key with a lone surrogate', '/api/v1/messages', `{"name":"m","correlationKey":"${surrogate}"}`, 'body/correlationKey'],
    ['a signal name with a NUL', '/api/v1/signals', `{"name":"s${nul}"}`, 'body/name'],
    ['evaluation facts with a NUL', '/api/v1/rule-sets/any/evaluate', `{"facts":{"x":"${nul}"}}`, 'body/facts/x'],
    ['a deployment name with a NUL', '/api/v1/deployments', `{"name":"d${nul}","resources":[]}`, 'body/name'],
    ['BPMN content with a NUL', '/api/v1/deployments', `{"name":"d","resources":[{"name":"a.bpmn","content":"<x>${nul}</x>"}]}`, 'body/resources/0/content'],
    [
      'a resource name with a lone surrogate',
      '/api/v1/deployments',
      `{"name":"d","resources":[{"name":"${surrogate}.bpmn","content":"x"}]}`,
      'body/resources/0/name',
    ],
  ])('refuses %s with 400 naming it, and changes nothing', async (_what, path, body, named) => {
    const before = await counts();
    const response = await suite
      .http()
      .post(path)
      .set(...bearer(suite.adminToken()))
      .set('Content-Type', 'application/json')
      .send(body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'bad_request', message: expect.stringContaining(named), details: [expect.objectContaining({ in: 'body' })] });
    expect(await counts()).toEqual(before);
  });

  it('refuses task-complete variables with a NUL, and the task stays open', async () => {
    const before = await counts();
    const response = await suite
      .http()
      .post(`/api/v1/tasks/${taskId}/complete`)
      .set(...bearer(suite.adminToken()))
      .set('Content-Type', 'application/json')
      .send(`{"variables":{"deep":{"x":"a${nul}"}}}`);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('body/variables/deep/x');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a NUL in a path parameter', '/api/v1/territories/a%00b', 'path/key'],
    ['a NUL in a process key', '/api/v1/process-definitions/key/x%00/start', 'path/key'],
    ['a NUL in a rule-set key', '/api/v1/rule-sets/a%00b/evaluate', 'path/key'],
    ['bytes that are not UTF-8 in the path', '/api/v1/territories/a%C3%28', 'path is not valid UTF-8'],
    ['a malformed %-escape in the path', '/api/v1/territories/a%zz', 'path is not valid UTF-8 or has a malformed %-escape'],
    ['a NUL in an instance filter', '/api/v1/process-instances?businessKey=a%00b', 'query/businessKey'],
    ['a NUL in a task filter', '/api/v1/tasks?assignee=a%00', 'query/assignee'],
    ['a NUL in a definition filter', '/api/v1/process-definitions?key=%00', 'query/key'],
    ['a NUL in a rule-set filter', '/api/v1/rule-sets?key=%00', 'query/key'],
    ['a NUL in an action-template filter', '/api/v1/action-templates?key=%00', 'query/key'],
    ['a NUL in an outbox filter', '/api/v1/outbox?name=%00', 'query/name'],
    ['bytes that are not UTF-8 in the query', '/api/v1/tasks?assignee=%FF', 'query is not valid UTF-8'],
  ])('refuses %s with 400 naming it', async (_what, url, named) => {
    const post = url.endsWith('/start') || url.endsWith('/evaluate');
    const response = await suite
      .http()
      [post ? 'post' : 'get'](url)
      .set(...bearer(suite.adminToken()))
      .send(post ? {} : undefined);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('bad_request');
    expect(response.body.message).toContain(named);
  });

  it('asks for a token before it looks at the path: without one such a request is 401, as any other', async () => {
    const response = await suite.http().get('/api/v1/territories/a%00b');
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('unauthorized');
  });

  it('refuses a JSON body whose bytes are not UTF-8 instead of storing U+FFFD', async () => {
    const before = await counts();
    // fetch, not supertest: superagent would send a Buffer as its JSON serialization, not as bytes.
    const response = await fetch(`${suite.engine().url}/api/v1/teams`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${suite.adminToken()}`, 'Content-Type': 'application/json' },
      body: Buffer.concat([Buffer.from('{"name":"team'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe('body is not valid UTF-8');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a file name with a NUL', 'a\u0000.bpmn', Buffer.from('<x/>'), 'multipart file name'],
    ['file content with a NUL', 'a.bpmn', Buffer.from('<x>\u0000</x>'), 'file a.bpmn must not contain the NUL'],
    ['file content that is not UTF-8', 'a.bpmn', Buffer.from([0x3c, 0xc3, 0x28, 0x3e]), 'file a.bpmn is not valid UTF-8'],
  ])('refuses a multipart upload with %s, and deploys nothing', async (_what, filename, content, named) => {
    const before = await counts();
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .attach('files', content, filename);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(named);
    expect(await counts()).toEqual(before);
  });

  it('still stores every well-formed text, emoji and accents included', async () => {
    const response = await suite
      .http()
      .post('/api/v1/process-definitions/key/plain/start')
      .set(...bearer(suite.adminToken()))
      .send({ businessKey: 'Ünïcödé 🚀 名前', variables: { note: 'tab\there, "quotes", emoji 🎉' } });
    expect(response.status).toBe(201);
    expect(response.body.businessKey).toBe('Ünïcödé 🚀 名前');
    expect(response.body.variables.note).toBe('tab\there, "quotes", emoji 🎉');
  });
});
