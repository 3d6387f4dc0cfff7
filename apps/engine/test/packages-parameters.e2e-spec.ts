import { contractIssues } from '@stageflow/api-contract';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { actionTemplate, serviceTaskDiagram } from './support/actions.js';
import { eventually } from './support/polling.js';
import { tenderPackage } from './support/packages.js';

const suite = setupEngineSuite();

function deploy(zip: Uint8Array) {
  return suite
    .http()
    .post('/api/v1/packages')
    .set(...bearer(suite.adminToken()))
    .set('Content-Type', 'application/zip')
    .send(Buffer.from(zip));
}

async function start(amount: number): Promise<string> {
  const response = await suite.as(suite.adminToken()).post('/process-definitions/key/tender/start', { variables: { amount } });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

/** Completes the instance's open `review` task: its outputs are the parameters as the instance sees them then. */
async function review(instanceId: string): Promise<{ variables: Record<string, unknown>; activeElementIds: string[] }> {
  const tasks = await suite.as(suite.adminToken()).get(`/tasks?processInstanceId=${instanceId}&state=created`);
  const task = (tasks.body.items as { id: string; elementId: string }[]).find((candidate) => candidate.elementId === 'review');
  if (!task) throw new Error(`instance ${instanceId} waits at no review task`);
  const completed = await suite.as(suite.adminToken()).post(`/tasks/${task.id}/complete`, {});
  expect(completed.status).toBe(200);
  const instance = await suite.as(suite.adminToken()).get(`/process-instances/${instanceId}`);
  return instance.body;
}

describe('package parameters', () => {
  let analyst = '';

  beforeAll(async () => {
    analyst = (await suite.createUser('param-analyst', ['analyst'])).token;
    expect((await deploy(tenderPackage())).status).toBe(201);
  });

  it('given values the schema refuses, when put, then 400 naming each field and no new parameter version', async () => {
    const tooShort = await suite.as(analyst).put('/packages/tender/parameters', { limit: 100, slaHours: 0 });
    const unknown = await suite.as(analyst).put('/packages/tender/parameters', { limit: 100, colour: 'red' });
    const wrongType = await suite.as(analyst).put('/packages/tender/parameters', { limit: 'many' });
    const notObject = await suite.as(analyst).put('/packages/tender/parameters', [1]);

    expect(tooShort.status).toBe(400);
    expect(tooShort.body.details).toEqual([expect.objectContaining({ path: 'slaHours' })]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ path: 'colour', message: expect.stringContaining('not a parameter') })]);
    expect(wrongType.body.details).toEqual([expect.objectContaining({ path: 'limit' })]);
    expect(notObject.status).toBe(400);
    expect((await suite.as(analyst).get('/packages/tender/parameters')).body.version).toBe(1);
  });

  it('given values, when validated, then the issues PUT would answer come back by field and nothing changes', async () => {
    const refused = await suite.as(analyst).post('/packages/tender/parameters/validate', { limit: 'many', slaHours: 0, colour: 'red' });
    const accepted = await suite.as(analyst).post('/packages/tender/parameters/validate', { slaHours: 12 });
    const notObject = await suite.as(analyst).post('/packages/tender/parameters/validate', [1]);
    const unknownPackage = await suite.as(analyst).post('/packages/nope/parameters/validate', {});

    expect(refused.status).toBe(200);
    expect(contractIssues('PackageParametersValidation', refused.body)).toEqual([]);
    expect(refused.body.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['colour', 'limit', 'slaHours']);
    expect(accepted.body).toEqual({ issues: [] });
    expect(notObject.status).toBe(400);
    expect(unknownPackage.status).toBe(404);
    expect((await suite.as(analyst).get('/packages/tender/parameters')).body.version).toBe(1);
  });

  it('given a running instance, when the parameters change, then it keeps its start values except the live one, and a new instance sees the new values', async () => {
    const running = await start(300);

    const put = await suite.as(analyst).put('/packages/tender/parameters', { limit: 500, slaHours: 8 });
    const fresh = await start(300);
    const old = await review(running);
    const now = await review(fresh);

    expect(put.status).toBe(200);
    expect(contractIssues('PackageParameters', put.body)).toEqual([]);
    expect(put.body).toEqual(expect.objectContaining({ version: 2, values: { limit: 500, slaHours: 8 }, changedBy: 'param-analyst' }));
    // limit is not live: the running instance keeps 100 (300 > 100: big); slaHours is live: both see 8.
    expect(old.variables).toEqual(expect.objectContaining({ limitSeen: 100, slaSeen: 8 }));
    expect(old.activeElementIds).toEqual(['bigTender']);
    expect(now.variables).toEqual(expect.objectContaining({ limitSeen: 500, slaSeen: 8 }));
    expect(now.activeElementIds).toEqual(['smallTender']);
  });

  it('given a rule set reading the fact params, then a business-rule task decides on the parameters of its instance', async () => {
    expect((await deploy(tenderPackage({ name: 'rated', rated: true }))).status).toBe(201);
    const before = await suite.as(analyst).post('/process-definitions/key/rated/start', { variables: { amount: 1 } });

    await suite.as(analyst).put('/packages/rated/parameters', { limit: 500 });
    const after = await suite.as(analyst).post('/process-definitions/key/rated/start', { variables: { amount: 1 } });

    expect(before.body.variables.limitClass).toEqual({ size: 'low' });
    expect(after.body.variables.limitClass).toEqual({ size: 'high' });
  });

  it('given an e-mail action of the package, then its liquid template and its subject render the parameters as params', async () => {
    const zip = tenderPackage({
      name: 'mailed',
      files: {
        'hello.bpmn': serviceTaskDiagram('mailed_hello', 'mailed_hello'),
        'hello.action.json': actionTemplate('mailed_hello', {
          type: 'sendEmail',
          to: 'team@acme.example',
          subject: 'Review within {{ params.slaHours }} h',
          template: 'hello',
        }),
        'mail/hello.liquid': 'Tenders over {{ params.limit }} are big.',
      },
    });
    expect((await deploy(zip)).status).toBe(201);

    const started = await suite.as(analyst).post('/process-definitions/key/mailed_hello/start', {});
    const mails = await eventually(async () => {
      const rows = await suite.query<{ subject: string; body: string }>('SELECT subject, body FROM email_outbox WHERE process_instance_id = $1', [
        started.body.id,
      ]);
      return rows.length > 0 ? rows : undefined;
    }, 'the e-mail of the action');

    expect(mails).toEqual([{ subject: 'Review within 24 h', body: expect.stringContaining('Tenders over 100 are big.') }]);
  });

  it('given changes, then the history names each with who, when, why, the old and the new values, newest first; the same values again make no version', async () => {
    await suite.as(analyst).put('/packages/tender/parameters', { limit: 500, slaHours: 8 });
    const reset = await suite.as(analyst).put(`/packages/tender/parameters?comment=${encodeURIComponent('  Back to the default limit ')}`, { slaHours: 8 });

    const history = await suite.as(analyst).get('/packages/tender/parameters/history');

    expect(reset.body).toEqual(expect.objectContaining({ version: 3, values: { limit: 100, slaHours: 8 } }));
    expect(contractIssues('ParameterChangePage', history.body)).toEqual([]);
    expect(history.body.total).toBe(3);
    expect(history.body.items).toEqual([
      expect.objectContaining({
        version: 3,
        reason: 'update',
        old: { limit: 500 },
        new: { limit: 100 },
        changedBy: 'param-analyst',
        comment: 'Back to the default limit',
      }),
      expect.objectContaining({
        version: 2,
        reason: 'update',
        old: { limit: 100, slaHours: 24 },
        new: { limit: 500, slaHours: 8 },
        changedBy: 'param-analyst',
        comment: null,
      }),
      expect.objectContaining({
        version: 1,
        reason: 'deploy',
        old: {},
        new: { limit: 100, slaHours: 24 },
        changedBy: 'admin',
        comment: null,
        changedAt: expect.any(String),
      }),
    ]);
  });

  it('given a comment over 1000 characters or given twice, when putting parameters, then 400 names comment and nothing changes', async () => {
    const before = (await suite.as(analyst).get('/packages/tender/parameters')).body.version;

    const long = await suite.as(analyst).put(`/packages/tender/parameters?comment=${'x'.repeat(1001)}`, { limit: 7 });
    const twice = await suite.as(analyst).put('/packages/tender/parameters?comment=a&comment=b', { limit: 7 });

    expect(long.status).toBe(400);
    expect(long.body.details).toEqual([expect.objectContaining({ path: 'comment' })]);
    expect(twice.status).toBe(400);
    expect((await suite.as(analyst).get('/packages/tender/parameters')).body.version).toBe(before);
  });

  it('given a seller, when putting parameters, then 403', async () => {
    const seller = (await suite.createUser('param-seller', ['seller'])).token;

    expect((await suite.as(seller).put('/packages/tender/parameters', { limit: 1 })).status).toBe(403);
  });

  it('given a new version with another parameter, when deployed, then values carry over, the new one takes its default, and the change is audited', async () => {
    const response = await deploy(
      tenderPackage({
        version: '1.1.0',
        extraTask: true,
        parameters: { region: { type: 'string', default: 'north', description: 'Where tenders come from' } },
      }),
    );
    const parameters = await suite.as(analyst).get('/packages/tender/parameters');

    expect(response.status).toBe(201);
    expect(parameters.body).toEqual(expect.objectContaining({ version: 4, packageVersion: '1.1.0', values: { limit: 100, slaHours: 8, region: 'north' } }));
    const [latest] = (await suite.as(analyst).get('/packages/tender/parameters/history?limit=1')).body.items;
    expect(latest).toEqual(expect.objectContaining({ reason: 'deploy', old: {}, new: { region: 'north' }, changedBy: 'admin' }));
  });

  it('given running instances of a process the older version does not have, when rolled back, then 409 names them; with force it rolls back and lists them', async () => {
    const onNewVersion = await start(50);

    const refused = await suite.as(analyst).post('/packages/tender/rollback', { version: '1.0.0' });
    const forced = await suite.as(analyst).post('/packages/tender/rollback', { version: '1.0.0', force: true });
    const latest = await suite.query<{ version: number; content_hash: string }>(
      "SELECT version, content_hash FROM process_definitions WHERE key = 'tender' ORDER BY version DESC LIMIT 1",
    );
    const first = await suite.query<{ content_hash: string }>("SELECT content_hash FROM process_definitions WHERE key = 'tender' AND version = 1");
    const pkg = await suite.as(analyst).get('/packages/tender');
    const parameters = await suite.as(analyst).get('/packages/tender/parameters');

    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual(expect.arrayContaining([{ processInstanceId: onNewVersion, definitionKey: 'tender', definitionVersion: 2 }]));
    expect(forced.status).toBe(200);
    expect(contractIssues('PackageRollback', forced.body)).toEqual([]);
    expect(forced.body).toEqual(expect.objectContaining({ version: '1.0.0', active: true }));
    expect(forced.body.orphaned).toEqual(expect.arrayContaining([expect.objectContaining({ processInstanceId: onNewVersion })]));
    // The 1.0.0 diagram is the latest again, as a new version; the running instance stays on its own.
    expect(latest[0]).toEqual({ version: 3, content_hash: first[0]!.content_hash });
    expect(pkg.body.activeVersion).toBe('1.0.0');
    expect(parameters.body).toEqual(expect.objectContaining({ packageVersion: '1.0.0', values: { limit: 100, slaHours: 8 } }));
    expect((await review(onNewVersion)).activeElementIds).toEqual(['smallTender']);
    const afterRollback = await start(50);
    expect((await suite.as(analyst).get(`/process-instances/${afterRollback}`)).body.version).toBe(3);
  });

  it('given no running instance outside the version any more, then a rollback needs no force; an unknown version is 404, a bad body 400', async () => {
    const orphans = await suite.query<{ id: string }>(
      "SELECT id FROM process_instances WHERE definition_key = 'tender' AND definition_version = 2 AND status = 'active'",
    );
    for (const orphan of orphans) expect((await suite.as(suite.adminToken()).post(`/process-instances/${orphan.id}/cancel`)).status).toBe(200);

    const again = await suite.as(analyst).post('/packages/tender/rollback', { version: '1.0.0' });
    const unknown = await suite.as(analyst).post('/packages/tender/rollback', { version: '0.0.1' });
    const bad = await suite.as(analyst).post('/packages/tender/rollback', { version: '1.0.0', force: 'yes' });

    expect(again.status).toBe(200);
    expect(again.body.orphaned).toEqual([]);
    expect(unknown.status).toBe(404);
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'force' })]);
  });
});
