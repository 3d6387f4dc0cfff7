import { cp, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packPackage } from '@stageflow/process-package';
import { FIXTURES, stageflow, temporaryFolder } from '../../test/support/run-cli.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('stageflow validate', () => {
  it('given a valid package folder, when validated, then it says so on stdout and exits 0', async () => {
    const run = await stageflow(['validate', 'tender']);

    expect(run).toMatchObject({ code: 0, stdout: 'tender 1.0.0: valid (3 files, 1 parameter)\n', stderr: '' });
  });

  it('given --json, when valid, then stdout is {ok: true, problems: [], package}', async () => {
    const run = await stageflow(['validate', 'tender', '--json']);

    expect(run.code).toBe(0);
    expect(run.json()).toEqual({
      ok: true,
      problems: [],
      package: { name: 'tender', version: '1.0.0', files: 3, parameters: ['minimumValue'], liveParameters: [] },
    });
  });

  it('given a diagram naming a rule set the package does not have, when validated, then stderr names the file, the element and the name, and it exits 1', async () => {
    const run = await stageflow(['validate', 'tender-broken-reference']);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe('stageflow: tender-broken-reference is not a valid package');
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^tender\.bpmn: size: .*tender-scoring/)]);
  });

  it('given --json, when invalid, then stdout is {ok: false, problems} with the file and element of each', async () => {
    const run = await stageflow(['validate', 'tender-broken-reference', '--json']);

    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({
      ok: false,
      exitCode: 1,
      problems: [{ resource: 'tender.bpmn', elementId: 'size', message: expect.stringContaining('tender-scoring') }],
    });
  });

  it('given the zip of a valid folder, when validated, then it is valid too', async () => {
    const folder = await temporaryFolder();
    try {
      expect((await stageflow(['pack', join(FIXTURES, 'tender'), '--out', join(folder.path, 'tender.zip')])).code).toBe(0);

      const run = await stageflow(['validate', 'tender.zip'], { cwd: folder.path });

      expect(run).toMatchObject({ code: 0, stdout: 'tender 1.0.0: valid (3 files, 1 parameter)\n' });
    } finally {
      await folder.remove();
    }
  });

  it('given a zip bomb (a small zip that inflates past the unpacked limit), when validated, then it is refused by its size with exit 1', async () => {
    const folder = await temporaryFolder();
    try {
      const manifest = { name: 'bomb', version: '1.0.0', resources: ['mail/huge.liquid'] };
      const huge = new Uint8Array(51 * 1024 * 1024).fill(0x20);
      const zip = packPackage([
        { path: 'manifest.json', content: text(JSON.stringify(manifest)) },
        { path: 'mail/huge.liquid', content: huge },
      ]);
      expect(zip.byteLength).toBeLessThan(1024 * 1024);
      await writeFile(join(folder.path, 'bomb.zip'), zip);

      const run = await stageflow(['validate', 'bomb.zip', '--json'], { cwd: folder.path });

      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^stageflow: bomb\.zip is not a valid package zip\n/);
      expect(run.json()).toMatchObject({ ok: false, exitCode: 1, problems: [expect.objectContaining({ message: expect.stringMatching(/bytes/) })] });
    } finally {
      await folder.remove();
    }
  });

  it('given a file that is not a zip, when validated, then it is an invalid package (1), not a crash', async () => {
    const run = await stageflow(['validate', 'tender/manifest.json']);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('stageflow: tender/manifest.json is not a valid package zip');
  });

  // What the folder reader leaves out and refuses is libs/package-folder's spec; here: its problems reach stderr and the exit code.
  it('given a folder with a link, when validated, then the link is a problem naming its path and it exits 1', async () => {
    const folder = await temporaryFolder();
    try {
      const copy = join(folder.path, 'tender');
      await cp(join(FIXTURES, 'tender'), copy, { recursive: true });
      await symlink('/etc/passwd', join(copy, 'rules', 'passwd.liquid'));
      const run = await stageflow(['validate', 'tender'], { cwd: folder.path });

      expect(run.code).toBe(1);
      expect(run.stderr).toBe('stageflow: tender is not a valid package\nrules/passwd.liquid: a link: a package holds regular files only\n');
    } finally {
      await folder.remove();
    }
  });
});
