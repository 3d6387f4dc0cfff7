import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { leadDiagram, parallelDiagram } from './support/diagrams.js';

const suite = setupEngineSuite();

interface Instance {
  id: string;
  definitionId: string;
  definitionKey: string;
  version: number;
  businessKey: string | null;
  state: string;
  variables: Record<string, unknown>;
  activeElementIds: string[];
}

async function start(key: string, body: unknown): Promise<{ status: number; body: Instance }> {
  const response = await suite
    .http()
    .post(`/api/v1/process-definitions/key/${key}/start`)
    .set(...bearer(suite.adminToken()))
    .send(body as object);
  return { status: response.status, body: response.body as Instance };
}

describe('process instances', () => {
  beforeAll(async () => {
    await suite.deploy([
      { name: 'lead.bpmn', content: leadDiagram('lead') },
      { name: 'parallel.bpmn', content: parallelDiagram('parallel') },
    ]);
  });

  it('given a deployed process, when started with variables, then 201 returns the instance parked at the user task', async () => {
    const started = await start('lead', { businessKey: 'L-100', variables: { score: 80 } });

    expect(started.status).toBe(201);
    expect(started.body).toEqual(
      expect.objectContaining({
        definitionKey: 'lead',
        version: 1,
        businessKey: 'L-100',
        state: 'active',
        variables: { score: 80 },
        activeElementIds: ['call'],
      }),
    );
    const fetched = await suite
      .http()
      .get(`/api/v1/process-instances/${started.body.id}`)
      .set(...bearer(suite.adminToken()));
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(
      expect.objectContaining({ id: started.body.id, definitionId: started.body.definitionId, state: 'active', activeElementIds: ['call'] }),
    );
  });

  it('given a low score, when started, then the default flow ends the instance at once', async () => {
    const started = await start('lead', { variables: { score: 10 } });

    expect(started.body.state).toBe('completed');
    expect(started.body.activeElementIds).toEqual([]);
  });

  it('given a started instance, when its history is read, then element events come in order', async () => {
    const started = await start('lead', { variables: { score: 90 } });

    const history = await suite
      .http()
      .get(`/api/v1/process-instances/${started.body.id}/history`)
      .set(...bearer(suite.adminToken()));

    expect(history.status).toBe(200);
    const elementEvents = (history.body.items as { elementId: string; type: string; event: string; at: string }[])
      .filter((item) => ['entered', 'left', 'taken'].includes(item.event))
      .map((item) => `${item.event}:${item.elementId}`);
    expect(elementEvents).toEqual(['entered:start', 'left:start', 'taken:f1', 'entered:qualify', 'left:qualify', 'taken:fHigh', 'entered:call']);
    expect(history.body.items.find((item: { event: string }) => item.event === 'entered')).toEqual(
      expect.objectContaining({ elementId: 'start', type: 'bpmn:StartEvent', event: 'entered', at: expect.any(String) }),
    );
  });

  it('given parallel user tasks, when the instance is read, then its tokens show where each waits, from tasks to the join to none', async () => {
    const started = await start('parallel', {});
    const read = async (): Promise<{ tokens: { id: string; elementId: string; scopeId: string; wait: string; taskId?: string }[] }> =>
      (
        await suite
          .http()
          .get(`/api/v1/process-instances/${started.body.id}`)
          .set(...bearer(suite.adminToken()))
      ).body;
    const tasks = (
      await suite
        .http()
        .get(`/api/v1/tasks?processInstanceId=${started.body.id}`)
        .set(...bearer(suite.adminToken()))
    ).body.items as { id: string; elementId: string }[];
    const taskOf = (elementId: string): string => tasks.find((task) => task.elementId === elementId)!.id;

    const atTasks = await read();
    expect(atTasks.tokens).toEqual(
      ['a', 'b', 'c'].map((elementId) => ({ id: expect.any(String), elementId, scopeId: 'root', wait: 'task', taskId: taskOf(elementId) })),
    );

    await suite
      .http()
      .post(`/api/v1/tasks/${taskOf('a')}/complete`)
      .set(...bearer(suite.adminToken()))
      .send({})
      .expect(200);
    const oneDone = await read();
    expect(oneDone.tokens.map((token) => `${token.elementId}:${token.wait}`).sort()).toEqual(['b:task', 'c:task', 'join:join']);
    expect(oneDone.tokens.find((token) => token.elementId === 'join')).not.toHaveProperty('taskId');

    for (const elementId of ['b', 'c'])
      await suite
        .http()
        .post(`/api/v1/tasks/${taskOf(elementId)}/complete`)
        .set(...bearer(suite.adminToken()))
        .send({})
        .expect(200);
    expect((await read()).tokens).toEqual([]);
  });

  it('given an unknown process key, when started, then 404', async () => {
    const started = await start('no_such_process', {});

    expect(started.status).toBe(404);
    expect(started.body).toEqual(expect.objectContaining({ error: 'not_found', message: expect.stringContaining('no_such_process') }));
  });

  it('given several instances, when listed with filters and paging, then only the matching page comes back with the total', async () => {
    await start('lead', { businessKey: 'PAGE', variables: { score: 70 } });
    await start('lead', { businessKey: 'PAGE', variables: { score: 70 } });
    await start('lead', { businessKey: 'PAGE', variables: { score: 1 } });

    const active = await suite
      .http()
      .get('/api/v1/process-instances?businessKey=PAGE&state=active&pageSize=1&page=2')
      .set(...bearer(suite.adminToken()));
    const byKey = await suite
      .http()
      .get('/api/v1/process-instances?definitionKey=lead&limit=500')
      .set(...bearer(suite.adminToken()));
    const none = await suite
      .http()
      .get('/api/v1/process-instances?definitionKey=other')
      .set(...bearer(suite.adminToken()));

    expect(active.status).toBe(200);
    expect(active.body.total).toBe(2);
    expect(active.body.items).toHaveLength(1);
    expect(active.body.items[0]).toEqual(expect.objectContaining({ businessKey: 'PAGE', state: 'active' }));
    expect(byKey.body.items.every((item: Instance) => item.definitionKey === 'lead')).toBe(true);
    expect(none.body).toEqual(expect.objectContaining({ items: [], total: 0 }));
  });

  it('given a bad filter, when listing, then 400 names it', async () => {
    const response = await suite
      .http()
      .get('/api/v1/process-instances?state=sleeping')
      .set(...bearer(suite.adminToken()));

    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ path: 'state' })]);
  });

  it('given an active instance, when cancelled, then it is terminated, its task cancelled, and a second cancel is 409', async () => {
    const started = await start('lead', { variables: { score: 75 } });

    const cancelled = await suite
      .http()
      .post(`/api/v1/process-instances/${started.body.id}/cancel`)
      .set(...bearer(suite.adminToken()));
    const again = await suite
      .http()
      .post(`/api/v1/process-instances/${started.body.id}/cancel`)
      .set(...bearer(suite.adminToken()));

    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe('terminated');
    expect(cancelled.body.activeElementIds).toEqual([]);
    const tasks = await suite
      .http()
      .get(`/api/v1/tasks?processInstanceId=${started.body.id}`)
      .set(...bearer(suite.adminToken()));
    expect(tasks.body.items.map((task: { state: string }) => task.state)).toEqual(['cancelled']);
    expect(again.status).toBe(409);
  });

  it('given an unknown or malformed instance id, when read, then 404', async () => {
    const unknown = await suite
      .http()
      .get('/api/v1/process-instances/00000000-0000-4000-8000-000000000000')
      .set(...bearer(suite.adminToken()));
    const malformed = await suite
      .http()
      .get('/api/v1/process-instances/not-an-id/history')
      .set(...bearer(suite.adminToken()));

    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
  });
});

describe('process definitions', () => {
  it('given two versions of a key, when listed with ?key and ?latest, then the newest comes back; by id and as XML too', async () => {
    await suite.deploy([{ name: 'd.bpmn', content: leadDiagram('defs_key') }]);
    const v2 = await suite.deploy([{ name: 'd.bpmn', content: leadDiagram('defs_key', { taskName: 'Call again' }) }]);
    const v2Id = v2.processDefinitions[0]?.id ?? '';

    const all = await suite
      .http()
      .get('/api/v1/process-definitions?key=defs_key')
      .set(...bearer(suite.adminToken()));
    const latest = await suite
      .http()
      .get('/api/v1/process-definitions?key=defs_key&latest=true')
      .set(...bearer(suite.adminToken()));
    const byId = await suite
      .http()
      .get(`/api/v1/process-definitions/${v2Id}`)
      .set(...bearer(suite.adminToken()));
    const xml = await suite
      .http()
      .get(`/api/v1/process-definitions/${v2Id}/xml`)
      .set(...bearer(suite.adminToken()));

    expect(all.body.total).toBe(2);
    expect(all.body.items.map((d: { version: number }) => d.version)).toEqual([2, 1]);
    expect(latest.body.items).toEqual([expect.objectContaining({ id: v2Id, key: 'defs_key', version: 2 })]);
    expect(byId.body).toEqual(expect.objectContaining({ id: v2Id, key: 'defs_key', version: 2, resourceName: 'd.bpmn' }));
    expect(xml.status).toBe(200);
    expect(xml.headers['content-type']).toMatch(/application\/xml/);
    expect(xml.text).toContain('Call again');
  });

  it('given a new version, when a process is started by key, then the latest version runs and old instances keep theirs', async () => {
    await suite.deploy([{ name: 'v.bpmn', content: leadDiagram('versions_run') }]);
    const old = await start('versions_run', { variables: { score: 60 } });
    await suite.deploy([{ name: 'v.bpmn', content: leadDiagram('versions_run', { taskName: 'New name' }) }]);

    const fresh = await start('versions_run', { variables: { score: 60 } });

    expect(old.body.version).toBe(1);
    expect(fresh.body.version).toBe(2);
    const oldAgain = await suite
      .http()
      .get(`/api/v1/process-instances/${old.body.id}`)
      .set(...bearer(suite.adminToken()));
    expect(oldAgain.body.version).toBe(1);
  });

  it('given an unknown definition id, when read, then 404', async () => {
    const response = await suite
      .http()
      .get('/api/v1/process-definitions/00000000-0000-4000-8000-000000000000')
      .set(...bearer(suite.adminToken()));

    expect(response.status).toBe(404);
    expect(response.body.error).toBe('not_found');
  });
});
