import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPackageFolder } from './read-package-folder.js';

const decoder = new TextDecoder();

describe('readPackageFolder', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'package-folder-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function write(path: string, text: string): Promise<void> {
    const target = join(folder, ...path.split('/'));
    await mkdir(join(target, '..'), { recursive: true });
    await writeFile(target, text);
  }

  it('given files in nested folders, when read, then each is there once with its path relative to the folder joined by / and its bytes', async () => {
    await write('manifest.json', '{"name":"tender"}');
    await write('rules/deep/er/x.rule-set.json', '{"key":"x"}');
    await write('tender.bpmn', '<definitions/>');

    const { files, problems } = await readPackageFolder(folder);

    expect(problems).toEqual([]);
    expect(files.map((file) => [file.path, decoder.decode(file.content)])).toEqual([
      ['manifest.json', '{"name":"tender"}'],
      ['rules/deep/er/x.rule-set.json', '{"key":"x"}'],
      ['tender.bpmn', '<definitions/>'],
    ]);
    expect(files[0]!.content).toBeInstanceOf(Uint8Array);
  });

  it('given names created in any order, when read, then the files come sorted by code unit, folder by folder (upper case before lower, a folder among its siblings)', async () => {
    for (const path of ['b.liquid', 'a/z.liquid', 'B.liquid', 'a.liquid', 'a/b/c.liquid', 'a-b.liquid']) await write(path, path);

    const first = (await readPackageFolder(folder)).files.map((file) => file.path);

    expect(first).toEqual(['B.liquid', 'a/b/c.liquid', 'a/z.liquid', 'a-b.liquid', 'a.liquid', 'b.liquid']);
    expect((await readPackageFolder(folder)).files.map((file) => file.path)).toEqual(first);
  });

  it('given hidden entries and TypeScript files, when read, then they are not part of the package, at any depth', async () => {
    await write('manifest.json', '{}');
    await write('.DS_Store', 'x');
    await write('.git/HEAD', 'ref: refs/heads/main\n');
    await write('package.spec.ts', '// the package scenario test');
    await write('support/helper.ts', '// a helper of the test');
    await write('rules/.hidden.rule-set.json', '{}');
    await write('rules/r.rule-set.json', '{}');
    await write('notes.ts.txt', 'not TypeScript');

    const { files, problems } = await readPackageFolder(folder);

    expect(problems).toEqual([]);
    expect(files.map((file) => file.path)).toEqual(['manifest.json', 'notes.ts.txt', 'rules/r.rule-set.json']);
  });

  it('given a link to a file or to a folder, when read, then each is a problem naming its path and is not followed; the regular files are still read', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'package-folder-outside-'));
    try {
      await writeFile(join(outside, 'secret.liquid'), 'secret');
      await write('manifest.json', '{}');
      await mkdir(join(folder, 'templates'));
      await symlink(join(outside, 'secret.liquid'), join(folder, 'templates', 'passwd.liquid'));
      await symlink(outside, join(folder, 'linked'));

      const { files, problems } = await readPackageFolder(folder);

      expect(files.map((file) => file.path)).toEqual(['manifest.json']);
      expect(problems).toEqual([
        { resource: 'linked', message: 'a link: a package holds regular files only' },
        { resource: 'templates/passwd.liquid', message: 'a link: a package holds regular files only' },
      ]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('given an empty folder, when read, then there are no files and no problems', async () => {
    expect(await readPackageFolder(folder)).toEqual({ files: [], problems: [] });
  });
});
