import { contractIssues } from '@stageflow/api-contract';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { oneTaskDiagram } from './support/diagrams.js';
import { bantRuleSet } from './support/rule-sets.js';

const suite = setupEngineSuite();

async function ruleSetCount(): Promise<number> {
  const rows = await suite.query<{ count: string }>('SELECT count(*) FROM rule_sets');
  return Number(rows[0]?.count);
}

function deploy(resources: { name: string; content: string }[], token = suite.adminToken()) {
  return suite
    .http()
    .post('/api/v1/deployments')
    .set(...bearer(token))
    .send({ name: 'rules', resources });
}

const hotLead = { budget: 80000, authority: true, need: 'high', timelineDays: 30 };

describe('deploying rule sets (.rule-set.json)', () => {
  it('given a rule set with a diagram, when deployed, then both are stored and the rule set is version 1 of its key', async () => {
    const response = await deploy([
      { name: 'bant.rule-set.json', content: bantRuleSet('bant_deploy') },
      { name: 'lead.bpmn', content: oneTaskDiagram('with_rules') },
    ]);

    expect(response.status).toBe(201);
    expect(response.body.ruleSets).toEqual([{ id: expect.any(String), key: 'bant_deploy', version: 1, name: 'BANT lead classification' }]);
    expect(response.body.processDefinitions).toEqual([expect.objectContaining({ key: 'with_rules', version: 1 })]);
  });

  it('given identical content, when redeployed, then the existing version comes back with 200 and nothing is stored', async () => {
    const first = await deploy([{ name: 'same.rule-set.json', content: bantRuleSet('bant_same') }]);
    const before = await ruleSetCount();

    const again = await deploy([{ name: 'same.rule-set.json', content: bantRuleSet('bant_same') }]);

    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.ruleSets).toEqual(first.body.ruleSets);
    expect(await ruleSetCount()).toBe(before);
  });

  it('given changed content for a key, when deployed, then it becomes the next version and ?latest lists only it', async () => {
    await deploy([{ name: 'v.rule-set.json', content: bantRuleSet('bant_versions') }]);
    const second = await deploy([{ name: 'v.rule-set.json', content: bantRuleSet('bant_versions', { hotBudget: 60000 }) }]);

    const all = await suite
      .http()
      .get('/api/v1/rule-sets?key=bant_versions')
      .set(...bearer(suite.adminToken()));
    const latest = await suite
      .http()
      .get('/api/v1/rule-sets?key=bant_versions&latest=true')
      .set(...bearer(suite.adminToken()));

    expect(second.status).toBe(201);
    expect(second.body.ruleSets).toEqual([expect.objectContaining({ key: 'bant_versions', version: 2 })]);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(latest.body.items).toEqual([expect.objectContaining({ key: 'bant_versions', version: 2, kind: 'classification', resourceName: 'v.rule-set.json' })]);
  });

  it('given a rule set id, when read, then its document comes back; an unknown id is 404', async () => {
    const deployed = await deploy([{ name: 'read.rule-set.json', content: bantRuleSet('bant_read') }]);
    const id = deployed.body.ruleSets[0].id as string;

    const found = await suite
      .http()
      .get(`/api/v1/rule-sets/${id}`)
      .set(...bearer(suite.adminToken()));
    const missing = await suite
      .http()
      .get('/api/v1/rule-sets/00000000-0000-4000-8000-000000000000')
      .set(...bearer(suite.adminToken()));
    const notAnId = await suite
      .http()
      .get('/api/v1/rule-sets/nope')
      .set(...bearer(suite.adminToken()));

    expect(found.status).toBe(200);
    expect(found.body).toEqual(expect.objectContaining({ id, key: 'bant_read', version: 1, content: JSON.parse(bantRuleSet('bant_read')) }));
    expect(missing.status).toBe(404);
    expect(notAnId.status).toBe(404);
    expect(notAnId.body.error).toBe('not_found');
  });

  it('given invalid rule sets and a broken diagram, when deployed, then 422 lists every problem with resource, rule id and path, and nothing is stored', async () => {
    const badOperator = JSON.parse(bantRuleSet('bant_bad_operator'));
    badOperator.rules[0].conditions.all[1].operator = 'isTruthy';
    const unknownFact = JSON.parse(bantRuleSet('bant_unknown_fact'));
    unknownFact.rules[1].conditions.all[0].fact = 'revenue';
    const before = await ruleSetCount();

    const response = await deploy([
      { name: 'operator.rule-set.json', content: JSON.stringify(badOperator) },
      { name: 'fact.rule-set.json', content: JSON.stringify(unknownFact) },
      { name: 'malformed.rule-set.json', content: '{"key": "x",' },
      { name: 'good.rule-set.json', content: bantRuleSet('bant_good_but_refused') },
      { name: 'broken.bpmn', content: 'not xml' },
    ]);

    expect(response.status).toBe(422);
    expect(response.body.error).toBe('invalid_definition');
    const details = response.body.details as { resource: string; elementId?: string; path?: string; message: string }[];
    expect(details).toContainEqual(
      expect.objectContaining({ resource: 'operator.rule-set.json', elementId: 'hot', path: 'rules[0].conditions.all[1].operator' }),
    );
    expect(details).toContainEqual(expect.objectContaining({ resource: 'fact.rule-set.json', elementId: 'warm', path: 'rules[1].conditions.all[0].fact' }));
    expect(details).toContainEqual(expect.objectContaining({ resource: 'malformed.rule-set.json', message: expect.any(String) }));
    expect(details.some((d) => d.resource === 'broken.bpmn')).toBe(true);
    expect(details.some((d) => d.resource === 'good.rule-set.json')).toBe(false);
    expect(await ruleSetCount()).toBe(before);
  });

  it('given two rule sets with one key in one deployment, when deployed, then 422 names the second', async () => {
    const response = await deploy([
      { name: 'a.rule-set.json', content: bantRuleSet('bant_twice') },
      { name: 'b.rule-set.json', content: bantRuleSet('bant_twice', { hotBudget: 1 }) },
    ]);

    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      expect.objectContaining({ resource: 'b.rule-set.json', path: 'key', message: expect.stringContaining('a.rule-set.json') }),
    ]);
  });
});

describe('POST /api/v1/rule-sets/{key}/evaluate', () => {
  beforeAll(async () => {
    await suite.deploy([{ name: 'bant.rule-set.json', content: bantRuleSet('bant_eval') }]);
    await suite.deploy([{ name: 'bant.rule-set.json', content: bantRuleSet('bant_eval', { hotBudget: 100000 }) }]);
  });

  it('given a hot lead, when evaluated on the latest version, then the decision and every rule with its conditions come back', async () => {
    const response = await suite
      .http()
      .post('/api/v1/rule-sets/bant_eval/evaluate')
      .set(...bearer(suite.adminToken()))
      .send({ facts: { ...hotLead, budget: 120000 } });

    expect(response.status).toBe(200);
    expect(response.body.ruleSet).toEqual({ id: expect.any(String), key: 'bant_eval', version: 2 });
    expect(response.body.result).toEqual({ rating: 'hot', score: 100 });
    expect(response.body.matchedRuleIds).toEqual(['hot']);
    expect(response.body.usedFallback).toBe(false);
    expect(response.body.rules.map((r: { id: string; matched: boolean }) => [r.id, r.matched])).toEqual([
      ['hot', true],
      ['warm', true],
    ]);
    expect(response.body.rules[0].conditions.all).toContainEqual(
      expect.objectContaining({ fact: 'budget', operator: 'greaterThanInclusive', value: 100000, factValue: 120000, passed: true }),
    );
  });

  it('given a version, when evaluated, then that version decides; the failed condition is marked', async () => {
    const latest = await suite
      .http()
      .post('/api/v1/rule-sets/bant_eval/evaluate')
      .set(...bearer(suite.adminToken()))
      .send({ facts: hotLead });
    const first = await suite
      .http()
      .post('/api/v1/rule-sets/bant_eval/evaluate')
      .set(...bearer(suite.adminToken()))
      .send({ facts: hotLead, version: 1 });

    expect(latest.body.result).toEqual({ rating: 'warm', score: 50 });
    expect(latest.body.rules[0].matched).toBe(false);
    expect(latest.body.rules[0].conditions.all[0]).toEqual(expect.objectContaining({ fact: 'budget', factValue: 80000, passed: false }));
    expect(first.status).toBe(200);
    expect(first.body.ruleSet.version).toBe(1);
    expect(first.body.result).toEqual({ rating: 'hot', score: 100 });
  });

  it('given facts that match no rule, when evaluated, then the fallback decides', async () => {
    const response = await suite
      .http()
      .post('/api/v1/rule-sets/bant_eval/evaluate')
      .set(...bearer(suite.adminToken()))
      .send({ facts: { budget: 10, need: 'none' } });

    expect(response.status).toBe(200);
    expect(response.body).toEqual(expect.objectContaining({ result: { rating: 'cold', score: 0 }, matchedRuleIds: [], usedFallback: true }));
  });

  it.each([
    ['an unknown key', 'nobody_has_this', { facts: {} }],
    ['an unknown version', 'bant_eval', { facts: {}, version: 9 }],
  ])('given %s, when evaluated, then 404', async (_label, key, body) => {
    const response = await suite
      .http()
      .post(`/api/v1/rule-sets/${key}/evaluate`)
      .set(...bearer(suite.adminToken()))
      .send(body);

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: 'not_found', message: expect.any(String), details: [] });
  });

  it.each([
    ['{}', 'facts'],
    ['{"facts": [1]}', 'facts'],
    ['{"facts": "budget"}', 'facts'],
    ['{"facts": {"__proto__": {"polluted": true}}}', 'facts.__proto__'],
    ['{"facts": {"lead": {"constructor": 1}}}', 'facts.lead.constructor'],
    ['{"facts": {}, "version": 0}', 'version'],
    ['{"facts": {}, "version": "1"}', 'version'],
    ['{"facts": {}, "extra": 1}', 'extra'],
    ['[]', 'body'],
  ])('given the body %s, when evaluated, then 400 names %s', async (body, path) => {
    const response = await suite
      .http()
      .post('/api/v1/rule-sets/bant_eval/evaluate')
      .set(...bearer(suite.adminToken()))
      .set('Content-Type', 'application/json')
      .send(body);

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'bad_request', message: expect.any(String), details: [expect.objectContaining({ path })] });
  });

  it('given the roles, when evaluating, then analysts, integrators and managers may and sellers may not', async () => {
    const statuses: Record<string, number> = {};
    for (const role of ['analyst', 'integrator', 'manager', 'seller']) {
      const user = await suite.createUser(`eval_${role}`, [role]);
      const response = await suite
        .http()
        .post('/api/v1/rule-sets/bant_eval/evaluate')
        .set(...bearer(user.token))
        .send({ facts: hotLead });
      statuses[role] = response.status;
    }

    expect(statuses).toEqual({ analyst: 200, integrator: 200, manager: 200, seller: 403 });
  });
});

describe('POST /api/v1/rule-sets/evaluate (a draft)', () => {
  it('given a draft that is not deployed, when evaluated, then its decision and every rule with its conditions come back and nothing is stored', async () => {
    const before = await ruleSetCount();

    const response = await suite.as(suite.adminToken()).post('/rule-sets/evaluate', { ruleSet: JSON.parse(bantRuleSet('bant_draft')), facts: hotLead });

    expect(response.status).toBe(200);
    expect(contractIssues('RuleSetDraftEvaluation', response.body)).toEqual([]);
    expect(response.body.matchedRuleIds.length).toBeGreaterThan(0);
    expect(response.body.rules[0]).toEqual(
      expect.objectContaining({ matched: expect.any(Boolean), conditions: expect.objectContaining({ passed: expect.any(Boolean) }) }),
    );
    expect(response.body).not.toHaveProperty('ruleSet');
    expect(await ruleSetCount()).toBe(before);
  });

  it('given a draft with an undeclared fact, when evaluated, then 422 names the rule and the path', async () => {
    const draft = JSON.parse(bantRuleSet('bant_bad_draft')) as { rules: { conditions: { all: { fact: string }[] } }[] };
    draft.rules[0]!.conditions.all[0]!.fact = 'revenue';

    const response = await suite.as(suite.adminToken()).post('/rule-sets/evaluate', { ruleSet: draft, facts: {} });

    expect(response.status).toBe(422);
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'rules[0].conditions.all[0].fact', message: expect.stringContaining('"revenue" is not declared') }),
      ]),
    );
  });

  it.each([
    ['no rule set', { facts: {} }, 'ruleSet'],
    ['no facts', { ruleSet: {} }, 'facts'],
    ['facts that are a list', { ruleSet: {}, facts: [] }, 'facts'],
    ['an unknown property', { ruleSet: {}, facts: {}, version: 1 }, 'version'],
  ])('given %s, when evaluated, then 400 names the field', async (_, body, path) => {
    const response = await suite.as(suite.adminToken()).post('/rule-sets/evaluate', body);

    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ path })]);
  });
});
