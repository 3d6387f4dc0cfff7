import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { importedDiagram, oneTaskDiagram } from './support/diagrams.js';

const suite = setupEngineSuite();

describe('GET /api/v1/process-definitions/{id}/diagram', () => {
  it('given two deployed versions, when each diagram is read, then it answers JSON with the version and its XML exactly as deployed', async () => {
    const first = await suite.deploy([{ name: 'diagram.bpmn', content: oneTaskDiagram('diagram_versions') }]);
    const changed = importedDiagram('diagram_versions');
    const second = await suite.deploy([{ name: 'diagram.bpmn', content: changed }]);
    const seller = await suite.createUser('diagram-reader', ['seller']);

    const response = await suite
      .http()
      .get(`/api/v1/process-definitions/${second.processDefinitions[0]!.id}/diagram`)
      .set(...bearer(seller.token));
    const older = await suite
      .http()
      .get(`/api/v1/process-definitions/${first.processDefinitions[0]!.id}/diagram`)
      .set(...bearer(suite.adminToken()));

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      id: second.processDefinitions[0]!.id,
      key: 'diagram_versions',
      version: 2,
      name: null,
      resourceName: 'diagram.bpmn',
      deploymentId: second.id,
      contentHash: expect.any(String),
      createdAt: expect.any(String),
      deployedBy: 'admin',
      xml: changed,
    });
    expect(older.body).toMatchObject({ version: 1, xml: oneTaskDiagram('diagram_versions') });
  });

  it('given a version an analyst deployed, when the versions are listed, then each names its deployer', async () => {
    const analyst = await suite.createUser('deploying-analyst', ['analyst']);
    await suite.deploy([{ name: 'who.bpmn', content: oneTaskDiagram('who_deployed') }]);
    const deployed = await suite
      .http()
      .post('/api/v1/deployments')
      .set(...bearer(analyst.token))
      .send({ name: 'by the analyst', resources: [{ name: 'who.bpmn', content: importedDiagram('who_deployed') }] });

    const list = await suite
      .http()
      .get('/api/v1/process-definitions?key=who_deployed')
      .set(...bearer(suite.adminToken()));

    expect(deployed.status).toBe(201);
    expect(list.body.items.map((item: { version: number; deployedBy: string | null }) => [item.version, item.deployedBy])).toEqual([
      [2, 'deploying-analyst'],
      [1, 'admin'],
    ]);
  });

  it('given an unknown or malformed id, when read, then 404', async () => {
    const unknown = await suite
      .http()
      .get('/api/v1/process-definitions/00000000-0000-4000-8000-000000000000/diagram')
      .set(...bearer(suite.adminToken()));
    const malformed = await suite
      .http()
      .get('/api/v1/process-definitions/not-an-id/diagram')
      .set(...bearer(suite.adminToken()));

    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'not_found' });
    expect(malformed.status).toBe(404);
  });

  it('given no token, when read, then 401', async () => {
    const response = await suite.http().get('/api/v1/process-definitions/00000000-0000-4000-8000-000000000000/diagram');

    expect(response.status).toBe(401);
  });
});
