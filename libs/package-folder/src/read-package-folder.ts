// Reads a package folder into the lib's PackageFile list: every regular file below it, paths
// relative with `/`, in code-unit order of the paths' segments (the same folder gives the same
// list, so the same zip, on every machine). Hidden entries (`.git`, `.DS_Store`) and TypeScript
// files (the packages' specs and their helpers beside the model in process-definitions/; no
// resource kind is TypeScript) are not part of the package. A link or another special file is a
// problem, not followed: a package holds regular files only, and a link could reach outside it.
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeploymentProblem, PackageFile } from '@stageflow/process-package';

/** A problem of the folder: the entry's path relative to it, and why it cannot be in a package. */
export type PackageFolderProblem = Pick<DeploymentProblem, 'resource' | 'message'>;

export interface PackageFolder {
  files: PackageFile[];
  problems: PackageFolderProblem[];
}

/** Whether an entry of this name is left out of the package (hidden, or TypeScript). */
export function isOutsidePackage(name: string): boolean {
  return name.startsWith('.') || name.endsWith('.ts');
}

export async function readPackageFolder(folder: string): Promise<PackageFolder> {
  const files: PackageFile[] = [];
  const problems: PackageFolderProblem[] = [];

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
