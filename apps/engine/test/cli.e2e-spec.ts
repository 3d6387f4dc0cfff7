// The stageflow CLI (apps/cli), built, run as a child process the way a shell runs it, against the
// built engine: deploy a package, change a parameter, export the version; its exit codes when the
// engine refuses (3) or is not there (4). The CLI's own cases: apps/cli/src/**/*.spec.ts.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@stageflow/postgres-server';
import { REPO_ROOT } from './support/engine-process.js';
import { bearer, setupEngineSuite } from './support/engine-suite.js';
import { eventually } from './support/polling.js';
import { runStageflow } from './support/stageflow-cli.js';

const TENDER = join(REPO_ROOT, 'apps/cli/test/fixtures/tender');

describe('the stageflow CLI against the engine', () => {
  const suite = setupEngineSuite();
  let work = '';
  let env: Record<string, string> = {};

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'stageflow-cli-e2e-'));
    const integrator = await suite.createUser('ci-bot', ['integrator']);
    const created = await suite
      .http()
      .post('/api/v1/api-tokens')
      .set(...bearer(integrator.token))
      .send({ name: 'cli' });
    expect(created.status).toBe(201);
    env = { STAGEFLOW_URL: suite.engine().url, STAGEFLOW_TOKEN: created.body.token as string };
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('given a package folder, when deployed twice with an API token from the environment, then the first deploys and the second changes nothing', async () => {
    const first = await runStageflow(['deploy', TENDER], { env });
    const second = await runStageflow(['deploy', TENDER, '--json'], { env });

    expect(first).toMatchObject({ code: 0, stdout: `tender 1.0.0: deployed to ${suite.engine().url}\n`, stderr: '' });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ ok: true, created: false });
    const definitions = await suite.as(suite.adminToken()).get('/process-definitions?key=tender');
    expect(definitions.body.items.map((item: { version: number }) => item.version)).toEqual([1]);
  });

  it('given a deployed package, when a parameter is set, then the engine keeps it and a new instance decides by it', async () => {
    const set = await runStageflow(['params', 'set', 'tender', 'minimumValue=50000'], { env });
    const get = await runStageflow(['params', 'get', 'tender', '--json'], { env });
    const refused = await runStageflow(['params', 'set', 'tender', 'minimumValue=-1'], { env });

    expect(set).toMatchObject({ code: 0, stdout: 'minimumValue = 50000\n' });
    expect(JSON.parse(get.stdout)).toMatchObject({ ok: true, values: { minimumValue: 50000 } });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^stageflow: set parameters of tender: the engine answered 4\d\d /);
    expect(refused.stderr).toContain('minimumValue');
    const api = suite.as(suite.adminToken());
    const started = await api.post('/process-definitions/key/tender/start', { variables: { value: 20000 } });
    expect(started.status).toBe(201);
    const instance = await eventually(async () => {
      const read = await api.get(`/process-instances/${started.body.id as string}`);
      return read.body.state === 'completed' ? read.body : undefined;
    }, 'the tender below the minimum declined');
    expect(instance.state).toBe('completed');
    const worth = await api.post('/process-definitions/key/tender/start', { variables: { value: 60000 } });
    const offer = await eventually(async () => {
      const tasks = await api.get(`/tasks?processInstanceId=${worth.body.id as string}`);
      return tasks.body.items[0] as { name: string } | undefined;
    }, 'the offer task of a tender above the minimum');
    expect(offer.name).toBe('Prepare the offer');
  });

  it('given a deployed version, when exported to a zip and to a folder, then the zip is the one deploy sent and the folder is the package again', async () => {
    const packed = await runStageflow(['pack', TENDER, '--out', join(work, 'packed.zip')]);
    const exported = await runStageflow(['export', 'tender', '--version', '1.0.0', '--out', join(work, 'exported.zip')], { env });
    const unpacked = await runStageflow(['export', 'tender', '--dir', join(work, 'tender-copy'), '--json'], { env });
    const validated = await runStageflow(['validate', join(work, 'tender-copy')]);

    expect(packed.code).toBe(0);
    expect(exported.code).toBe(0);
    expect((await readFile(join(work, 'exported.zip'))).equals(await readFile(join(work, 'packed.zip')))).toBe(true);
    expect(JSON.parse(unpacked.stdout)).toMatchObject({ ok: true, name: 'tender', version: '1.0.0' });
    expect(validated).toMatchObject({ code: 0, stdout: 'tender 1.0.0: valid (3 files, 1 parameter)\n' });
  });

  it('given the engine refuses, when deployed (a seller; the same version with other content), then the CLI exits 3 with the status', async () => {
    const seller = await suite.createUser('sam', ['seller']);
    const changed = join(work, 'tender-changed');
    await cp(TENDER, changed, { recursive: true });
    const bpmn = join(changed, 'tender.bpmn');
    await writeFile(bpmn, (await readFile(bpmn, 'utf8')).replace('Prepare the offer', 'Prepare the offer now'));

    const forbidden = await runStageflow(['deploy', TENDER, '--token', seller.token], { env });
    const conflict = await runStageflow(['deploy', changed, '--json'], { env });

    expect(forbidden.code).toBe(3);
    expect(forbidden.stderr).toMatch(/^stageflow: deploy tender 1\.0\.0: the engine answered 403 /);
    expect(conflict.code).toBe(3);
    expect(JSON.parse(conflict.stdout)).toMatchObject({ ok: false, exitCode: 3, status: 409 });
  });

  it('given an instance running on a newer version, when rolled back, then the CLI names it and asks for --force, and with --force rolls back', async () => {
    const newer = join(work, 'tender-1.1.0');
    await cp(TENDER, newer, { recursive: true });
    const manifest = join(newer, 'manifest.json');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('"version": "1.0.0"', '"version": "1.1.0"'));
    const bpmn = join(newer, 'tender.bpmn');
    await writeFile(bpmn, (await readFile(bpmn, 'utf8')).replace('Prepare the offer', 'Prepare the offer for 1.1.0'));
    expect((await runStageflow(['deploy', newer], { env })).code).toBe(0);
    const started = await suite.as(suite.adminToken()).post('/process-definitions/key/tender/start', { variables: { value: 60000 } });
    const instanceId = started.body.id as string;

    const refused = await runStageflow(['rollback', 'tender', '--version', '1.0.0'], { env });
    const forced = await runStageflow(['rollback', 'tender', '--version', '1.0.0', '--force', '--json'], { env });

    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('add --force to roll back anyway');
    expect(refused.stderr).toContain(`instance ${instanceId}: runs tender version`);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({
      ok: true,
      name: 'tender',
      version: '1.0.0',
      orphaned: [expect.objectContaining({ processInstanceId: instanceId })],
    });
    expect((await suite.as(suite.adminToken()).get('/packages/tender')).body.activeVersion).toBe('1.0.0');
  });

  it('given no engine at the URL, when deployed, then the CLI exits 4 naming the address', async () => {
    const url = `http://127.0.0.1:${await findFreePort()}`;

    const run = await runStageflow(['deploy', TENDER, '--url', url], { env });

    expect(run).toMatchObject({ code: 4, stdout: '', stderr: `stageflow: deploy tender 1.0.0: no answer from ${url} (ECONNREFUSED)\n` });
  });

  it('given the link npm makes, when the CLI runs without arguments, then it prints the usage and exits 2', async () => {
    const run = await runStageflow([]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: stageflow');
  });
});
