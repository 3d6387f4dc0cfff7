import request from 'supertest';
import { ADMIN_PASSWORD, bearer, setupEngineSuite } from './support/engine-suite.js';
import { startEngine, type EngineProcess } from './support/engine-process.js';
import { bantLeadDiagram, bantRuleSet } from './support/rule-sets.js';

const suite = setupEngineSuite();

function start(key: string, variables: Record<string, unknown>) {
  return suite
    .http()
    .post(`/api/v1/process-definitions/key/${key}/start`)
    .set(...bearer(suite.adminToken()))
    .send({ variables });
}

const hotLead = { budget: 80000, authority: true, need: 'high', timelineDays: 30 };

describe('business-rule tasks', () => {
  beforeAll(async () => {
    await suite.deploy([
      { name: 'bant.rule-set.json', content: bantRuleSet('bant_lead') },
      { name: 'lead.bpmn', content: bantLeadDiagram('bant_lead_process', 'bant_lead') },
    ]);
  });

  it.each([
    ['a hot lead', hotLead, { rating: 'hot', score: 100 }, ['callNow'], 'active'],
    ['a warm lead', { ...hotLead, authority: false }, { rating: 'warm', score: 50 }, ['nurture'], 'active'],
    ['a cold lead', { budget: 500, need: 'none' }, { rating: 'cold', score: 0 }, [], 'completed'],
  ])('given %s, when the process starts, then the rule set decides the branch the instance takes', async (_label, variables, lead, active, state) => {
    const started = await start('bant_lead_process', variables);

    expect(started.status).toBe(201);
    expect(started.body).toEqual(expect.objectContaining({ state, variables: { ...variables, lead }, activeElementIds: active }));
  });

  it('given a new version of the rule set, when the next instance starts, then the latest version decides (the process is not redeployed)', async () => {
    await suite.deploy([
      { name: 'bant.rule-set.json', content: bantRuleSet('bant_latest') },
      { name: 'latest.bpmn', content: bantLeadDiagram('bant_latest_process', 'bant_latest') },
    ]);
    const before = await start('bant_latest_process', hotLead);

    await suite.deploy([{ name: 'bant.rule-set.json', content: bantRuleSet('bant_latest', { hotBudget: 100000 }) }]);
    const after = await start('bant_latest_process', hotLead);

    expect(before.body.variables.lead).toEqual({ rating: 'hot', score: 100 });
    expect(after.body.variables.lead).toEqual({ rating: 'warm', score: 50 });
    expect(after.body.activeElementIds).toEqual(['nurture']);
  });

  it('given a business-rule task whose rule set is neither in the deployment nor deployed, when deployed, then 422 names the task and nothing is stored', async () => {
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({ name: 'missing', resources: [{ name: 'lead.bpmn', content: bantLeadDiagram('bant_missing_process', 'no_such_rules') }] });
    const stored = await suite.query<{ count: string }>("SELECT count(*) FROM process_definitions WHERE key = 'bant_missing_process'");

    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([{ resource: 'lead.bpmn', elementId: 'classify', message: expect.stringContaining('"no_such_rules"') }]);
    expect(Number(stored[0]?.count)).toBe(0);
  });

  it('given a business-rule task whose rule set was deployed before, when the process is deployed alone, then it is accepted', async () => {
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({ name: 'later', resources: [{ name: 'later.bpmn', content: bantLeadDiagram('bant_later_process', 'bant_lead') }] });

    expect(response.status).toBe(201);
  });

  describe('with a second engine node on the same database', () => {
    let other: EngineProcess | undefined;
    let otherToken = '';

    beforeAll(async () => {
      other = await startEngine({ databaseUrl: suite.databaseUrl(), adminPassword: ADMIN_PASSWORD });
      const login = await request(other.url).post('/api/v1/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
      otherToken = (login.body as { accessToken: string }).accessToken;
    }, 120_000);

    afterAll(async () => {
      await other?.stop();
    });

    async function deployOnOtherNode(resources: { name: string; content: string }[]): Promise<void> {
      if (!other) throw new Error('the second node is not running');
      const response = await request(other.url)
        .post('/api/v1/deployments')
        .set(...bearer(otherToken))
        .send({ name: 'other node', resources });
      expect(response.status).toBe(201);
    }

    it('given a new version deployed on the other node, when the next instance starts on this one, then the new version decides', async () => {
      await suite.deploy([
        { name: 'bant.rule-set.json', content: bantRuleSet('bant_nodes') },
        { name: 'nodes.bpmn', content: bantLeadDiagram('bant_nodes_process', 'bant_nodes') },
      ]);
      const before = await start('bant_nodes_process', hotLead);

      await deployOnOtherNode([{ name: 'bant.rule-set.json', content: bantRuleSet('bant_nodes', { hotBudget: 100000 }) }]);
      const after = await start('bant_nodes_process', hotLead);

      expect(before.body.variables.lead).toEqual({ rating: 'hot', score: 100 });
      expect(after.status).toBe(201);
      expect(after.body.variables.lead).toEqual({ rating: 'warm', score: 50 });
    });

    it('given a new version deployed on the other node, when a waiting instance on this one reaches the task, then the new version decides', async () => {
      await suite.deploy([
        { name: 'bant.rule-set.json', content: bantRuleSet('bant_nodes_later') },
        { name: 'later.bpmn', content: bantLeadDiagram('bant_nodes_later_process', 'bant_nodes_later', { collectFirst: true }) },
      ]);
      const complete = async (instanceId: string) => {
        const tasks = await suite
          .http()
          .get(`/api/v1/tasks?processInstanceId=${instanceId}`)
          .set(...bearer(suite.adminToken()));
        return suite
          .http()
          .post(`/api/v1/tasks/${tasks.body.items[0].id as string}/complete`)
          .set(...bearer(suite.adminToken()))
          .send({ variables: {} });
      };
      const first = await start('bant_nodes_later_process', hotLead);
      const second = await start('bant_nodes_later_process', hotLead);
      // This node decides once with the first version (and keeps it).
      const decidedBefore = await complete(first.body.id as string);

      await deployOnOtherNode([{ name: 'bant.rule-set.json', content: bantRuleSet('bant_nodes_later', { hotBudget: 100000 }) }]);
      const decidedAfter = await complete(second.body.id as string);

      expect(decidedBefore.body.processInstance.variables.lead).toEqual({ rating: 'hot', score: 100 });
      expect(decidedAfter.status).toBe(200);
      expect(decidedAfter.body.processInstance.variables.lead).toEqual({ rating: 'warm', score: 50 });
      expect(decidedAfter.body.processInstance.activeElementIds).toEqual(['nurture']);
    });
  });
});
