// Reads a package folder into the lib's PackageFile list: every regular file below it, paths
// relative with `/`. Links and other special files are problems (a package holds files only, and
// a link could reach outside it). Hidden entries (`.git`, `.DS_Store`) and TypeScript files (the
// package's specs and their helpers beside the model in process-definitions/; no resource kind is
// TypeScript) are not part of the package — the rule process-definitions/support/package-files.ts
// applies for the packages' own specs.
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackageFile } from '@stageflow/process-package';
import type { CliProblem } from '../cli-failure.js';

export function isOutsidePackage(name: string): boolean {
  return name.startsWith('.') || name.endsWith('.ts');
}

export async function readPackageFolder(folder: string): Promise<{ files: PackageFile[]; problems: CliProblem[] }> {
  const files: PackageFile[] = [];
  const problems: CliProblem[] = [];

  async function walk(relative: string): Promise<void> {
    const entries = await readdir(join(folder, relative), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isOutsidePackage(entry.name)) continue;
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.push({ path, content: new Uint8Array(await readFile(join(folder, path))) });
      else {
        const what = (await lstat(join(folder, path))).isSymbolicLink() ? 'a link' : 'not a regular file';
        problems.push({ resource: path, message: `${what}: a package holds regular files only` });
      }
    }
  }

  await walk('');
  return { files, problems };
}
