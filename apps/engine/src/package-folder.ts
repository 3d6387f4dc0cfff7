// A package folder on disk as the lib's PackageFile list, read the way `stageflow pack` reads it
// (apps/cli's read-package-folder.ts): every regular file below it, paths relative with `/`;
// hidden entries (`.git`, `.DS_Store`) and the package's own tests (`*.spec.ts`, beside the model
// in process-definitions/) are not part of the package, so the engine packs the same bytes the CLI
// would. A link or another special file is a problem (a package holds files only).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeploymentProblem, PackageFile } from '@stageflow/process-package';

function outsidePackage(name: string): boolean {
  return name.startsWith('.') || name.endsWith('.spec.ts');
}

export async function readPackageFolder(folder: string): Promise<{ files: PackageFile[]; problems: DeploymentProblem[] }> {
  const files: PackageFile[] = [];
  const problems: DeploymentProblem[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(folder, relative), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (outsidePackage(entry.name)) continue;
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.push({ path, content: new Uint8Array(await readFile(join(folder, path))) });
      else problems.push({ resource: path, message: 'not a regular file (a link?): a package holds regular files only' });
    }
  };
  await walk('');
  return { files, problems };
}
