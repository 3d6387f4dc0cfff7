import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packPackage } from '@stageflow/process-package';
import { startHttpEngine, type HttpEngine } from '../../test/support/http-engine.js';
import { FIXTURES, stageflow, temporaryFolder } from '../../test/support/run-cli.js';

describe('stageflow export', () => {
  let engine: HttpEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  /** An engine that has tender 1.0.0 deployed: its archive is the packed fixture. */
  async function engineWithTender(): Promise<{ engine: HttpEngine; zip: Buffer }> {
    const folder = await temporaryFolder();
    try {
      await stageflow(['pack', join(FIXTURES, 'tender'), '--out', join(folder.path, 'tender.zip')]);
      const zip = await readFile(join(folder.path, 'tender.zip'));
      const started = await startHttpEngine((request) =>
        request.url === '/api/v1/packages/tender'
          ? { status: 200, json: { name: 'tender', activeVersion: '1.0.0', versions: [] } }
          : request.url === '/api/v1/packages/tender/versions/1.0.0/archive'
            ? { status: 200, bytes: zip }
            : { status: 404, json: { error: 'not_found', message: `${request.url} not found` } },
      );
      return { engine: started, zip };
    } finally {
      await folder.remove();
    }
  }

  it('given a version, when exported, then the archive is written to <name>-<version>.zip byte for byte', async () => {
    const tender = await engineWithTender();
    engine = tender.engine;
    const folder = await temporaryFolder();
    try {
      const run = await stageflow(['export', 'tender', '--version', '1.0.0', '--url', engine.url], { cwd: folder.path });

      expect(run).toMatchObject({ code: 0, stdout: `tender 1.0.0: wrote ${join(folder.path, 'tender-1.0.0.zip')} (${tender.zip.byteLength} bytes)\n` });
      expect((await readFile(join(folder.path, 'tender-1.0.0.zip'))).equals(tender.zip)).toBe(true);
      expect(engine.requests.map(({ url }) => url)).toEqual(['/api/v1/packages/tender/versions/1.0.0/archive']);
    } finally {
      await folder.remove();
    }
  });

  it('given no version and --dir, when exported, then the current version is unpacked into the folder as the package was', async () => {
    const tender = await engineWithTender();
    engine = tender.engine;
    const folder = await temporaryFolder();
    try {
      const run = await stageflow(['export', 'tender', '--dir', 'tender-copy', '--url', engine.url, '--json'], { cwd: folder.path });

      expect(run.code).toBe(0);
      expect(run.json()).toEqual({ ok: true, name: 'tender', version: '1.0.0', dir: join(folder.path, 'tender-copy'), bytes: tender.zip.byteLength });
      expect(engine.requests.map(({ url }) => url)).toEqual(['/api/v1/packages/tender', '/api/v1/packages/tender/versions/1.0.0/archive']);
      expect((await readdir(join(folder.path, 'tender-copy'), { recursive: true })).sort()).toEqual([
        'manifest.json',
        'rules',
        'rules/tender-size.rule-set.json',
        'tender.bpmn',
      ]);
      const again = await stageflow(['validate', 'tender-copy', '--json'], { cwd: folder.path });
      expect(again.json()).toMatchObject({ ok: true, package: { name: 'tender', version: '1.0.0' } });
      const bpmn = await readFile(join(folder.path, 'tender-copy', 'tender.bpmn'));
      expect(bpmn.equals(await readFile(join(FIXTURES, 'tender', 'tender.bpmn')))).toBe(true);
    } finally {
      await folder.remove();
    }
  });

  it('given a --dir that holds files, when exported, then it is refused (2) and nothing there changes', async () => {
    const tender = await engineWithTender();
    engine = tender.engine;
    const folder = await temporaryFolder();
    try {
      await mkdir(join(folder.path, 'work'));
      await writeFile(join(folder.path, 'work', 'notes.txt'), 'mine');

      const run = await stageflow(['export', 'tender', '--version', '1.0.0', '--dir', 'work', '--url', engine.url], { cwd: folder.path });

      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`stageflow: --dir: ${join(folder.path, 'work')} is not empty\n`);
      expect(await readdir(join(folder.path, 'work'))).toEqual(['notes.txt']);
    } finally {
      await folder.remove();
    }
  });

  it('given --out and --dir together, when exported, then it is a usage error (2)', async () => {
    const run = await stageflow(['export', 'tender', '--out', 'a.zip', '--dir', 'a']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("option '-o, --out <file>' cannot be used with option '--dir <folder>'");
  });

  it('given a version the engine does not have, when exported, then it exits 3 and writes nothing', async () => {
    const tender = await engineWithTender();
    engine = tender.engine;
    const folder = await temporaryFolder();
    try {
      const run = await stageflow(['export', 'tender', '--version', '9.9.9', '--url', engine.url], { cwd: folder.path });

      expect(run.code).toBe(3);
      expect(run.stderr).toBe(
        'stageflow: archive of tender 9.9.9: the engine answered 404 (not_found: /api/v1/packages/tender/versions/9.9.9/archive not found)\n',
      );
      expect(await readdir(folder.path)).toEqual([]);
    } finally {
      await folder.remove();
    }
  });

  it('given an archive that is not a valid package zip, when unpacked with --dir, then it exits 1 and writes nothing', async () => {
    const bad = packPackage([{ path: '../escape.liquid', content: new Uint8Array([1]) }]);
    engine = await startHttpEngine(() => ({ status: 200, bytes: bad }));
    const folder = await temporaryFolder();
    try {
      const run = await stageflow(['export', 'tender', '--version', '1.0.0', '--dir', 'out', '--url', engine.url], { cwd: folder.path });

      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^stageflow: the archive of tender 1\.0\.0 is not a valid package zip\n/);
      expect(await readdir(folder.path)).toEqual([]);
    } finally {
      await folder.remove();
    }
  });
});
