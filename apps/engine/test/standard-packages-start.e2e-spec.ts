// The standard packages deployed by the engine at start-up (STAGEFLOW_STANDARD_PACKAGES): a fresh
// database gets the three, a restart changes nothing, a newer version of a folder is deployed, an
// older one is not, a broken package is logged and skipped, and two nodes starting at once on the
// same database deploy a new version once. The packages folder is a copy of process-definitions/
// in a temporary folder, so that the tests can raise versions and break packages.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inc } from 'semver';
import { ADMIN_PASSWORD, setupEngineSuite } from './support/engine-suite.js';
import { REPO_ROOT, startEngine } from './support/engine-process.js';
import { eventually } from './support/polling.js';

const STANDARD = ['account', 'lead', 'opportunity'];
const packagesDir = mkdtempSync(join(tmpdir(), 'stageflow-standard-packages-'));
for (const name of STANDARD) cpSync(join(REPO_ROOT, 'process-definitions', name), join(packagesDir, name), { recursive: true });
afterAll(() => rmSync(packagesDir, { recursive: true, force: true }));

const env = { STAGEFLOW_STANDARD_PACKAGES: packagesDir };
const suite = setupEngineSuite({ env });

function manifestPath(name: string): string {
  return join(packagesDir, name, 'manifest.json');
}

function folderVersion(name: string): string {
  return (JSON.parse(readFileSync(manifestPath(name), 'utf8')) as { version: string }).version;
}

function setFolderVersion(name: string, version: string): void {
  const manifest = JSON.parse(readFileSync(manifestPath(name), 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath(name), JSON.stringify({ ...manifest, version }, null, 2));
}

interface VersionRow {
  version: string;
  active: boolean;
  deployedBy: string | null;
}

async function versions(name: string): Promise<VersionRow[]> {
  const response = await suite.as(suite.adminToken()).get(`/packages/${name}`);
  expect(response.status).toBe(200);
  return (response.body as { versions: VersionRow[] }).versions;
}

async function counts(): Promise<{ versions: number; deployments: number; definitions: number }> {
  const [row] = await suite.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM package_versions) AS versions, (SELECT count(*) FROM deployments) AS deployments,
            (SELECT count(*) FROM process_definitions) AS definitions`,
  );
  return { versions: Number(row!.versions), deployments: Number(row!.deployments), definitions: Number(row!.definitions) };
}

describe('the standard packages at start-up', () => {
  it('when the engine starts on a fresh database then the three packages are deployed by the engine and new records start their processes', async () => {
    const admin = suite.as(suite.adminToken());
    const packages = await admin.get('/packages');
    expect(packages.status).toBe(200);
    const listed = (packages.body.items as { name: string; activeVersion: string }[]).map((pkg) => [pkg.name, pkg.activeVersion]);
    expect(listed.sort()).toEqual(STANDARD.map((name) => [name, folderVersion(name)]));
    for (const name of STANDARD)
      expect(await versions(name)).toEqual([expect.objectContaining({ version: folderVersion(name), active: true, deployedBy: 'engine' })]);

    const recordProcesses = await admin.get('/record-processes');
    expect(recordProcesses.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ recordType: 'lead', processKey: 'lead-generation' }),
        expect.objectContaining({ recordType: 'opportunity', processKey: 'opportunity-pipeline' }),
      ]),
    );
    const lead = await admin.post('/leads', { channel: 'web-form', title: 'Fleet tracking', contactName: 'Ada Lovelace', emails: ['ada@example.com'] });
    expect(lead.status).toBe(201);
    const instance = await eventually(async () => {
      const process = await admin.get(`/leads/${lead.body.id as string}/process`);
      return (process.body.instances as { definitionKey: string }[] | undefined)?.[0];
    }, 'the lead process of a new lead');
    expect(instance.definitionKey).toBe('lead-generation');
  });

  it('when the engine starts again with the same folders then nothing is deployed', async () => {
    const before = await counts();
    await suite.restartEngine();
    expect(await counts()).toEqual(before);
    expect(suite.engine().output()).not.toContain('standard package');
  });

  it('when a folder holds a newer version then it is deployed and becomes active; an older version changes nothing', async () => {
    const leadVersion = folderVersion('lead');
    const newer = inc(leadVersion, 'minor')!;
    setFolderVersion('lead', newer);
    const opportunityVersion = folderVersion('opportunity');
    setFolderVersion('opportunity', '0.0.1');
    const before = await counts();

    await suite.restartEngine();

    expect(suite.engine().output()).toContain(`standard package lead ${newer} deployed (was ${leadVersion})`);
    expect((await versions('lead')).map((version) => [version.version, version.active])).toEqual([
      [leadVersion, false],
      [newer, true],
    ]);
    expect(await versions('opportunity')).toEqual([expect.objectContaining({ version: opportunityVersion, active: true })]);
    // One more package version; its resources are those deployed already, so no new deployment or definition.
    expect(await counts()).toEqual({ ...before, versions: before.versions + 1 });
    setFolderVersion('opportunity', opportunityVersion);
  });

  it('when a package is invalid then the engine logs its problems, starts and deploys the others', async () => {
    const manifest = JSON.parse(readFileSync(manifestPath('account'), 'utf8')) as { version: string; resources: string[] };
    writeFileSync(manifestPath('account'), JSON.stringify({ ...manifest, version: '99.0.0', resources: [...manifest.resources, 'missing.bpmn'] }));
    const leadVersion = folderVersion('lead');
    const newer = inc(leadVersion, 'patch')!;
    setFolderVersion('lead', newer);

    await suite.restartEngine();

    const output = suite.engine().output();
    expect(output).toContain('standard package account');
    expect(output).toContain('missing.bpmn');
    expect(output).toContain(`standard package lead ${newer} deployed`);
    expect((await versions('account')).map((version) => version.version)).toEqual([manifest.version]);
    writeFileSync(manifestPath('account'), JSON.stringify(manifest, null, 2));
  });

  it('when two nodes start at once with a newer version then it is deployed once', async () => {
    const newer = inc(folderVersion('opportunity'), 'minor')!;
    setFolderVersion('opportunity', newer);
    const before = await counts();
    await suite.engine().stop();

    const nodes = await Promise.all([0, 1].map(() => startEngine({ databaseUrl: suite.databaseUrl(), adminPassword: ADMIN_PASSWORD, env })));
    try {
      const outputs = nodes.map((node) => node.output());
      expect(outputs.filter((output) => output.includes(`standard package opportunity ${newer} deployed`))).toHaveLength(1);
      for (const output of outputs) expect(output).not.toMatch(/not deployed/);
      expect(await counts()).toEqual({ ...before, versions: before.versions + 1 });
      const rows = await suite.query<{ version: string }>(`SELECT version FROM package_versions WHERE package_name = 'opportunity' ORDER BY deployed_at`);
      expect(rows.map((row) => row.version)).toEqual([expect.any(String), newer]);
    } finally {
      for (const node of nodes) await node.stop();
    }
  });
});
