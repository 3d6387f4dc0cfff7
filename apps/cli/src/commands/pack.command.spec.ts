import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unpackPackage } from '@stageflow/process-package';
import { FIXTURES, stageflow, temporaryFolder } from '../../test/support/run-cli.js';

describe('stageflow pack', () => {
  it('given a valid folder, when packed twice, then both zips are the same bytes, named <name>-<version>.zip, and hold the folder', async () => {
    const first = await temporaryFolder();
    const second = await temporaryFolder();
    try {
      const a = await stageflow(['pack', join(FIXTURES, 'tender')], { cwd: first.path });
      const b = await stageflow(['pack', join(FIXTURES, 'tender'), '--json'], { cwd: second.path });

      expect(a.code).toBe(0);
      expect(a.stdout).toMatch(/^tender 1\.0\.0: wrote .*tender-1\.0\.0\.zip \(\d+ bytes, 3 files\)\n$/);
      const zipA = await readFile(join(first.path, 'tender-1.0.0.zip'));
      const zipB = await readFile(join(second.path, 'tender-1.0.0.zip'));
      expect(zipA.equals(zipB)).toBe(true);
      expect(b.json()).toEqual({
        ok: true,
        file: join(second.path, 'tender-1.0.0.zip'),
        bytes: zipB.byteLength,
        sha256: createHash('sha256').update(zipB).digest('hex'),
        name: 'tender',
        version: '1.0.0',
      });
      const unpacked = unpackPackage(new Uint8Array(zipA));
      expect(unpacked.ok && unpacked.files.map((file) => file.path).sort()).toEqual(['manifest.json', 'rules/tender-size.rule-set.json', 'tender.bpmn']);
    } finally {
      await first.remove();
      await second.remove();
    }
  });

  it('given --out, when packed, then the zip is written there', async () => {
    const folder = await temporaryFolder();
    try {
      const run = await stageflow(['pack', join(FIXTURES, 'tender'), '-o', 'out.zip'], { cwd: folder.path });

      expect(run.code).toBe(0);
      expect(await readdir(folder.path)).toEqual(['out.zip']);
    } finally {
      await folder.remove();
    }
  });

  it('given an invalid package, when packed, then it is refused with its problems (exit 1) and nothing is written', async () => {
    const folder = await temporaryFolder();
    try {
      const run = await stageflow(['pack', join(FIXTURES, 'tender-broken-reference')], { cwd: folder.path });

      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/\ntender\.bpmn: size: .*tender-scoring/);
      expect(await readdir(folder.path)).toEqual([]);
    } finally {
      await folder.remove();
    }
  });

  it('given a zip instead of a folder, when packed, then it is a usage error (2)', async () => {
    const folder = await temporaryFolder();
    try {
      await stageflow(['pack', join(FIXTURES, 'tender')], { cwd: folder.path });

      const run = await stageflow(['pack', 'tender-1.0.0.zip'], { cwd: folder.path });

      expect(run).toMatchObject({ code: 2, stderr: 'stageflow: tender-1.0.0.zip is not a folder\n' });
    } finally {
      await folder.remove();
    }
  });
});
