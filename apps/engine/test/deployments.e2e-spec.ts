import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { brokenDiagram, importedDiagram, invalidFeelDiagram, leadDiagram, oneTaskDiagram, unsupportedDiagram } from './support/diagrams.js';

const suite = setupEngineSuite();

async function definitionCount(): Promise<number> {
  const rows = await suite.query<{ count: string }>('SELECT count(*) FROM process_definitions');
  return Number(rows[0]?.count);
}

describe('POST /api/v1/deployments', () => {
  it('given a JSON deployment of one diagram, when deployed, then it answers 201 with the new version', async () => {
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({ name: 'leads', resources: [{ name: 'lead.bpmn', content: leadDiagram('deploy_json') }] });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      name: 'leads',
      createdAt: expect.any(String),
      processDefinitions: [{ id: expect.any(String), key: 'deploy_json', version: 1, name: 'Lead qualification' }],
      ruleSets: [],
      actionTemplates: [],
      contactPlans: [],
      templates: [],
      customFields: [],
      forms: [],
      created: true,
      warnings: [],
    });
  });

  it('given a diagram from another tool with what does not change execution, when deployed, then 201 lists each warning by resource and element', async () => {
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({ name: 'imported', resources: [{ name: 'imported.bpmn', content: importedDiagram('deploy_imported') }] });

    expect(response.status).toBe(201);
    expect(response.body.processDefinitions).toEqual([expect.objectContaining({ key: 'deploy_imported', version: 1 })]);
    expect(response.body.warnings).toEqual([
      {
        resource: 'imported.bpmn',
        elementId: 'Shape_gone',
        message: "Diagram shape 'Shape_gone' points at 'Task_deleted', which the document does not contain: the shape is not drawn",
      },
      { resource: 'imported.bpmn', elementId: 'call', message: "'call' carries another tool's extensions, which Stageflow does not read: <acme:assignee>" },
      { resource: 'imported.bpmn', elementId: 'orphan', message: "'orphan' is not reachable from the start event of process 'deploy_imported': it never runs" },
    ]);

    const again = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({ name: 'imported', resources: [{ name: 'imported.bpmn', content: importedDiagram('deploy_imported') }] });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    expect(again.body.warnings).toHaveLength(3);
  });

  it('given a diagram with a warning and a problem that changes execution, when deployed, then 422 names the problem and nothing is stored', async () => {
    const before = await definitionCount();
    const refused = importedDiagram('deploy_imported_bad').replace(
      '<bpmn:manualTask id="orphan"/>',
      '<bpmn:manualTask id="orphan"/><bpmn:scriptTask id="script"/>',
    );

    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({ name: 'imported', resources: [{ name: 'imported.bpmn', content: refused }] });

    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      { resource: 'imported.bpmn', elementId: 'script', message: expect.stringContaining('bpmn:ScriptTask is not supported') },
    ]);
    expect(await definitionCount()).toBe(before);
  });

  it('given .bpmn files, when uploaded as multipart, then every process is deployed', async () => {
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .field('name', 'upload')
      .attach('files', Buffer.from(oneTaskDiagram('upload_a')), 'a.bpmn')
      .attach('files', Buffer.from(oneTaskDiagram('upload_b')), 'b.bpmn');

    expect(response.status).toBe(201);
    expect(response.body.name).toBe('upload');
    expect(response.body.processDefinitions.map((d: { key: string }) => d.key).sort()).toEqual(['upload_a', 'upload_b']);
  });

  it('given identical content, when redeployed, then the existing versions come back and nothing new is stored', async () => {
    const first = await suite.deploy([{ name: 'same.bpmn', content: oneTaskDiagram('same_content') }]);
    const before = await definitionCount();

    const again = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({ name: 'again', resources: [{ name: 'same.bpmn', content: oneTaskDiagram('same_content') }] });

    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    expect(again.body.id).toBe(first.id);
    expect(again.body.processDefinitions).toEqual(first.processDefinitions.map((d) => expect.objectContaining({ id: d.id, key: d.key, version: d.version })));
    expect(await definitionCount()).toBe(before);
  });

  it('given changed content for a key, when deployed, then it becomes the next version', async () => {
    await suite.deploy([{ name: 'v.bpmn', content: oneTaskDiagram('versioned') }]);

    const second = await suite.deploy([{ name: 'v.bpmn', content: oneTaskDiagram('versioned', { candidateGroups: 'support' }) }]);

    expect(second.processDefinitions).toEqual([expect.objectContaining({ key: 'versioned', version: 2 })]);
  });

  it('given diagrams with problems, when deployed, then 422 lists every problem by resource and element id and nothing is stored', async () => {
    const before = await definitionCount();

    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({
        name: 'bad',
        resources: [
          { name: 'good.bpmn', content: oneTaskDiagram('good_but_refused') },
          { name: 'broken.bpmn', content: brokenDiagram('broken') },
          { name: 'unsupported.bpmn', content: unsupportedDiagram('unsupported') },
        ],
      });

    expect(response.status).toBe(422);
    expect(response.body).toEqual({ error: 'invalid_definition', message: expect.any(String), details: expect.any(Array) });
    const details = response.body.details as { resource: string; elementId?: string; message: string }[];
    expect(details.every((d) => typeof d.message === 'string' && d.message.length > 0)).toBe(true);
    expect(details.filter((d) => d.resource === 'broken.bpmn').length).toBeGreaterThan(0);
    expect(details).toContainEqual(expect.objectContaining({ resource: 'unsupported.bpmn', elementId: 'callApi' }));
    const brokenIds = details.filter((d) => d.resource === 'broken.bpmn').map((d) => d.elementId);
    expect(brokenIds.some((id) => id === 'toNowhere' || id === 'deadEnd')).toBe(true);
    expect(details.some((d) => d.resource === 'good.bpmn')).toBe(false);
    expect(await definitionCount()).toBe(before);
  });

  it.each([
    ['malformed XML', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="x"'],
    ['XML that is not BPMN', '<?xml version="1.0"?><html><body>hello</body></html>'],
    ['text that is not XML', 'just some text'],
  ])('given %s, when deployed, then 422 names the resource', async (_label, content) => {
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({ name: 'x', resources: [{ name: 'x.bpmn', content }] });

    expect(response.status).toBe(422);
    expect(response.body.details[0]).toEqual(expect.objectContaining({ resource: 'x.bpmn', message: expect.any(String) }));
  });

  it('given a condition that is not valid FEEL, when deployed, then 422 names the flow', async () => {
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send({ name: 'feel', resources: [{ name: 'feel.bpmn', content: invalidFeelDiagram('bad_feel') }] });

    expect(response.status).toBe(422);
    expect(response.body.details).toContainEqual(expect.objectContaining({ resource: 'feel.bpmn', elementId: 'fYes' }));
  });

  it.each([
    [{}, 'name'],
    [{ name: 'x' }, 'resources'],
    [{ name: 'x', resources: [] }, 'resources'],
    [{ name: 'x', resources: [{ name: 'x.txt', content: 'a' }] }, 'resources[0].name'],
    [{ name: 'x', resources: [{ name: 'x.bpmn', content: 42 }] }, 'resources[0].content'],
  ])('given the body %j, when deployed, then 400 names %s', async (body, path) => {
    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(suite.adminToken()))
      .send(body);

    expect(response.status).toBe(400);
    expect(response.body.error).toBe('bad_request');
    expect(response.body.details).toContainEqual(expect.objectContaining({ path }));
  });

  it('given a seller, when deploying, then 403', async () => {
    const seller = await suite.createUser('deploying-seller', ['seller']);

    const response = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(seller.token))
      .send({ name: 'x', resources: [{ name: 'x.bpmn', content: oneTaskDiagram('seller_deploy') }] });

    expect(response.status).toBe(403);
    expect(response.body.error).toBe('forbidden');
  });

  it('given an analyst or an integrator, when deploying, then it is allowed', async () => {
    const analyst = await suite.createUser('deploying-analyst', ['analyst']);
    const integrator = await suite.createUser('deploying-integrator', ['integrator']);

    const byAnalyst = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(analyst.token))
      .send({ name: 'a', resources: [{ name: 'a.bpmn', content: oneTaskDiagram('by_analyst') }] });
    const byIntegrator = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(integrator.token))
      .send({ name: 'i', resources: [{ name: 'i.bpmn', content: oneTaskDiagram('by_integrator') }] });

    expect(byAnalyst.status).toBe(201);
    expect(byIntegrator.status).toBe(201);
  });

  describe('POST /deployments/validate', () => {
    const ruleSet = (operator: string) =>
      JSON.stringify({
        key: 'validated-rating',
        name: 'Rating',
        kind: 'classification',
        hitPolicy: 'first',
        facts: { budget: 'number' },
        rules: [{ id: 'big', conditions: { all: [{ fact: 'budget', operator, value: 1000 }] }, result: { rating: 'A' } }],
      });
    const ruleSetCount = async () => Number((await suite.query<{ count: string }>('SELECT count(*) FROM rule_sets'))[0]!.count);

    it('given a valid rule set and diagram, when validated, then 200 valid and nothing is stored', async () => {
      const before = [await definitionCount(), await ruleSetCount()];

      const response = await suite.as(suite.adminToken()).post('/deployments/validate', {
        name: 'check',
        resources: [
          { name: 'rating.rule-set.json', content: ruleSet('greaterThan') },
          { name: 'one.bpmn', content: oneTaskDiagram('validated_only') },
        ],
      });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ valid: true, warnings: [] });
      expect([await definitionCount(), await ruleSetCount()]).toEqual(before);
    });

    it('given a diagram from another tool, when validated, then 200 valid with the warnings a deploy would answer and nothing is stored', async () => {
      const before = await definitionCount();

      const response = await suite.as(suite.adminToken()).post('/deployments/validate', {
        name: 'check',
        resources: [{ name: 'imported.bpmn', content: importedDiagram('validated_imported') }],
      });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        valid: true,
        warnings: [
          expect.objectContaining({ resource: 'imported.bpmn', elementId: 'Shape_gone' }),
          expect.objectContaining({ resource: 'imported.bpmn', elementId: 'call' }),
          expect.objectContaining({ resource: 'imported.bpmn', elementId: 'orphan' }),
        ],
      });
      expect(await definitionCount()).toBe(before);
    });

    it('given a rule set with an unknown operator, when validated, then the 422 of a deploy names the resource, the rule id and the path', async () => {
      const response = await suite
        .as(suite.adminToken())
        .post('/deployments/validate', { name: 'check', resources: [{ name: 'rating.rule-set.json', content: ruleSet('like') }] });

      expect(response.status).toBe(422);
      expect(response.body.details).toEqual([
        expect.objectContaining({ resource: 'rating.rule-set.json', elementId: 'big', path: 'rules[0].conditions.all[0].operator' }),
      ]);
      expect(await ruleSetCount()).toBe(0);
    });

    it('given a body that is no deployment, or a seller, then 400 naming the field, or 403', async () => {
      const seller = (await suite.createUser('validate-seller', ['seller'])).token;

      const bad = await suite.as(suite.adminToken()).post('/deployments/validate', { name: 'x', resources: [] });
      const forbidden = await suite.as(seller).post('/deployments/validate', { name: 'x', resources: [{ name: 'a.bpmn', content: oneTaskDiagram('a') }] });

      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ path: 'resources' })]);
      expect(forbidden.status).toBe(403);
    });
  });
});
