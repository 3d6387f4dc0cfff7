// Who sees a process instance (its variables, history, incidents, contact plans) and who may start
// one, per role, through the API — including filters that try to reach past the rule
// (docs/api.md, "Who sees an instance" and "Who may start a process"; issue 10 item 4).
import { bearer, setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/test">`;

/** A task for `owner`; once done, a gateway whose only condition reads a missing variable: an incident. */
const OWNED = `${HEADER}
  <bpmn:process id="vis_owned" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:userTask id="work" name="Work" stageflow:assignee="= owner" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="check" />
    <bpmn:exclusiveGateway id="check" />
    <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="end">
      <bpmn:conditionExpression>= score &gt; 1</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** One task offered to a team (`group`), held by nobody. */
const offered = (key: string, group: string, processAttributes = ''): string => `${HEADER}
  <bpmn:process id="${key}" isExecutable="true"${processAttributes}>
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:userTask id="work" name="Work" stageflow:candidateGroups="${group}" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

type User = { id: string; token: string };

describe('instance visibility and starters', () => {
  const users: Record<string, User> = {};
  const ids = { a: '', b: '', record: '', offered: '' };
  const incidents = { a: '', b: '' };
  const ROLES = ['sellerA', 'sellerB', 'managerA', 'managerOther', 'analyst', 'integrator', 'admin'] as const;
  type Role = (typeof ROLES)[number];
  const token = (role: Role): string => (role === 'admin' ? suite.adminToken() : users[role]!.token);
  const get = (role: Role, path: string) =>
    suite
      .http()
      .get(`/api/v1${path}`)
      .set(...bearer(token(role)));
  const post = (role: Role, path: string, body: object = {}) =>
    suite
      .http()
      .post(`/api/v1${path}`)
      .set(...bearer(token(role)))
      .send(body);

  async function startOwned(owner: string): Promise<{ instanceId: string; incidentId: string }> {
    const started = await post('admin', '/process-definitions/key/vis_owned/start', {
      businessKey: `VIS-${owner}`,
      variables: { owner, note: `secret of ${owner}` },
    });
    expect(started.status).toBe(201);
    const tasks = await get('admin', `/tasks?processInstanceId=${started.body.id as string}`);
    const done = await post(owner === 'vis-anna' ? 'sellerA' : 'sellerB', `/tasks/${tasks.body.items[0].id as string}/complete`, {});
    expect(done.status).toBe(200);
    expect(done.body.processInstance.state).toBe('incident');
    const open = await get('admin', `/incidents?processInstanceId=${started.body.id as string}`);
    return { instanceId: started.body.id as string, incidentId: open.body.items[0].id as string };
  }

  beforeAll(async () => {
    users.sellerA = await suite.createUser('vis-anna', ['seller'], ['vis-north']);
    users.sellerB = await suite.createUser('vis-bert', ['seller'], ['vis-south']);
    users.managerA = await suite.createUser('vis-mia', ['manager'], ['vis-north']);
    users.managerOther = await suite.createUser('vis-max', ['manager'], ['vis-south']);
    users.analyst = await suite.createUser('vis-ana', ['analyst']);
    users.integrator = await suite.createUser('vis-bot', ['integrator']);
    await suite.deploy([
      { name: 'owned.bpmn', content: OWNED },
      { name: 'offered.bpmn', content: offered('vis_offered', 'vis-south') },
      { name: 'by-team.bpmn', content: offered('vis_by_team', 'vis-north', ' stageflow:candidateStarterGroups="vis-north, analysts"') },
      { name: 'by-user.bpmn', content: offered('vis_by_user', 'vis-south', ' stageflow:candidateStarterUsers="VIS-BERT"') },
      { name: 'by-role.bpmn', content: offered('vis_by_role', 'vis-south', ' stageflow:candidateStarterGroups="sellers"') },
    ]);

    // A: held (and completed) by seller A, with an incident; B: the same for seller B.
    ({ instanceId: ids.a, incidentId: incidents.a } = await startOwned('vis-anna'));
    ({ instanceId: ids.b, incidentId: incidents.b } = await startOwned('vis-bert'));
    // About a lead seller A owns, started by an admin, its task held by a user of no team: no task of hers.
    const lead = await post('sellerA', '/leads', { title: 'Web form: pricing', channel: 'web-form' });
    expect(lead.status).toBe(201);
    const onRecord = await post('admin', '/process-definitions/key/vis_owned/start', {
      businessKey: `lead:${lead.body.id as string}`,
      variables: { owner: 'vis-nobody' },
    });
    ids.record = onRecord.body.id as string;
    // Offered to the other team, held by nobody.
    ids.offered = (await post('admin', '/process-definitions/key/vis_offered/start', { businessKey: 'VIS-OFFERED' })).body.id as string;
  });

  const all = (): string[] => [ids.a, ids.b, ids.record, ids.offered];
  const expected: Record<Role, () => string[]> = {
    sellerA: () => [ids.a, ids.record],
    sellerB: () => [ids.b],
    managerA: () => [ids.a, ids.record],
    managerOther: () => [ids.b, ids.offered],
    analyst: all,
    integrator: all,
    admin: all,
  };

  describe.each(ROLES)('as %s', (role) => {
    it('lists exactly the instances the rule gives, and the list filters never add one', async () => {
      const listed = await get(role, '/process-instances?limit=500');
      const seen = (listed.body.items as { id: string }[]).map((item) => item.id).filter((id) => all().includes(id));
      expect(listed.status).toBe(200);
      expect(seen.sort()).toEqual(expected[role]().sort());
      if (!['analyst', 'integrator', 'admin'].includes(role)) expect(listed.body.total).toBe(expected[role]().length);

      for (const filter of ['businessKey=VIS-vis-bert', 'businessKey=VIS-vis-anna', 'businessKey=VIS-OFFERED', 'definitionKey=vis_owned', 'state=incident']) {
        const filtered = await get(role, `/process-instances?${filter}&limit=500`);
        expect(filtered.status).toBe(200);
        for (const item of filtered.body.items as { id: string }[]) if (all().includes(item.id)) expect(expected[role]()).toContain(item.id);
      }
    });

    it('reads an instance, its history and contact plans when it sees it, else 404 as for an unknown one', async () => {
      for (const id of all()) {
        const status = expected[role]().includes(id) ? 200 : 404;
        const read = await get(role, `/process-instances/${id}`);
        expect([id, read.status]).toEqual([id, status]);
        if (status === 404) expect(read.body).toEqual(expect.objectContaining({ error: 'not_found', message: `process instance ${id} not found` }));
        expect([id, (await get(role, `/process-instances/${id}/history`)).status]).toEqual([id, status]);
        expect([id, (await get(role, `/process-instances/${id}/contact-plans`)).status]).toEqual([id, status]);
      }
    });

    it('sees the incidents of the instances it sees only, by list, by id and by a processInstanceId filter', async () => {
      const mine = expected[role]();
      const listed = await get(role, '/incidents?limit=500');
      const seen = (listed.body.items as { id: string }[]).map((item) => item.id).filter((id) => id === incidents.a || id === incidents.b);
      expect(seen.sort()).toEqual([mine.includes(ids.a) ? incidents.a : '', mine.includes(ids.b) ? incidents.b : ''].filter(Boolean).sort());
      for (const [instance, incident] of [
        [ids.a, incidents.a],
        [ids.b, incidents.b],
      ] as const) {
        const visible = mine.includes(instance);
        expect((await get(role, `/incidents/${incident}`)).status).toBe(visible ? 200 : 404);
        const byInstance = await get(role, `/incidents?processInstanceId=${instance}`);
        expect(byInstance.body.total).toBe(visible ? 1 : 0);
      }
    });
  });

  it('given a seller, when their variables would show through another seller’s instance, then nothing of it is readable', async () => {
    const read = await get('sellerA', `/process-instances?businessKey=VIS-vis-bert`);

    expect(read.body).toEqual(expect.objectContaining({ items: [], total: 0 }));
    expect(JSON.stringify((await get('sellerA', '/process-instances?limit=500')).body)).not.toContain('secret of vis-bert');
  });

  it('given managers, when retrying or cancelling another team’s instance, then 404; their own team’s answers as before', async () => {
    expect((await post('managerOther', `/incidents/${incidents.a}/retry`)).status).toBe(404);
    expect((await post('managerOther', `/process-instances/${ids.a}/cancel`)).status).toBe(404);
    expect((await post('managerA', `/process-instances/${ids.offered}/cancel`)).status).toBe(404);
    expect((await get('admin', `/process-instances/${ids.a}`)).body.state).toBe('incident');
    expect((await get('admin', `/process-instances/${ids.offered}`)).body.state).toBe('active');
  });

  describe('who may start', () => {
    const start = (role: Role, key: string, body: object = {}) => post(role, `/process-definitions/key/${key}/start`, body);

    it('given a process without declared starters, when sellers start it, then 403 naming it; managers, analysts, integrators and admins start it', async () => {
      for (const role of ['sellerA', 'sellerB'] as const) {
        const refused = await start(role, 'vis_offered');
        expect(refused.status).toBe(403);
        expect(refused.body).toEqual(expect.objectContaining({ error: 'forbidden', message: expect.stringContaining('"vis_offered"') }));
      }
      for (const role of ['managerA', 'managerOther', 'analyst', 'integrator', 'admin'] as const)
        expect([role, (await start(role, 'vis_offered')).status]).toEqual([role, 201]);
    });

    it('given starters naming a team and a role, when its seller starts, then 201 and she sees the instance she started; others of another team or role get 403', async () => {
      const started = await start('sellerA', 'vis_by_team', { variables: { x: 1 } });
      expect(started.status).toBe(201);
      expect((await get('sellerA', `/process-instances/${started.body.id as string}`)).status).toBe(200);
      expect((await get('sellerB', `/process-instances/${started.body.id as string}`)).status).toBe(404);

      expect((await start('sellerB', 'vis_by_team')).status).toBe(403);
      expect((await start('managerOther', 'vis_by_team')).status).toBe(403);
      expect((await start('managerA', 'vis_by_team')).status).toBe(201);
      expect((await start('analyst', 'vis_by_team')).status).toBe(201);
      expect((await start('integrator', 'vis_by_team')).status).toBe(201);
    });

    it('given starters naming a user (in another case), when that user starts, then 201; another seller 403', async () => {
      expect((await start('sellerB', 'vis_by_user')).status).toBe(201);
      expect((await start('sellerA', 'vis_by_user')).status).toBe(403);
      expect((await start('managerA', 'vis_by_user')).status).toBe(403);
      expect((await start('admin', 'vis_by_user')).status).toBe(201);
    });

    it('given starters naming the sellers role, when a seller starts on a record she does not see, then 403 naming it; on her own record, 201', async () => {
      const own = await post('sellerA', '/leads', { title: 'Own lead', channel: 'web-form' });
      const others = await post('sellerB', '/leads', { title: 'Other lead', channel: 'web-form' });

      const refused = await start('sellerA', 'vis_by_role', { businessKey: `lead:${others.body.id as string}` });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toContain(`lead:${others.body.id as string}`);
      expect((await start('sellerA', 'vis_by_role', { businessKey: `lead:00000000-0000-4000-8000-000000000000` })).status).toBe(403);
      const onOwn = await start('sellerA', 'vis_by_role', { businessKey: `lead:${own.body.id as string}` });
      expect(onOwn.status).toBe(201);
      expect((await start('sellerB', 'vis_by_role', { businessKey: 'ORDER-7' })).status).toBe(201);
      expect((await start('managerOther', 'vis_by_role', { businessKey: `lead:${own.body.id as string}` })).status).toBe(403);
      expect((await start('admin', 'vis_by_role', { businessKey: `lead:${others.body.id as string}` })).status).toBe(201);
    });

    it('given an unknown process, when a seller starts it, then 404 (not 403)', async () => {
      expect((await start('sellerA', 'vis_nope')).status).toBe(404);
    });
  });
});
