// A package as the command line names it: a folder, or a zip file (unpacked by the lib with its
// limits on size, file count and paths).
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readPackageFolder } from '@stageflow/package-folder';
import type { PackageFile } from '@stageflow/process-package';
import { CliFailure } from '../cli-failure.js';
import { EXIT } from '../exit-codes.js';
import { processPackage } from '../lazy-libs.js';

export interface PackageSource {
  kind: 'folder' | 'zip';
  files: PackageFile[];
  /** The zip as read, when the source is one. */
  zip?: Uint8Array;
}

export async function readPackageSource(argument: string, cwd: string, accept: 'folder or zip' | 'folder' = 'folder or zip'): Promise<PackageSource> {
  const path = resolve(cwd, argument);
  const found = await stat(path).catch(() => undefined);
  if (!found) throw new CliFailure(EXIT.usage, `no such file or folder: ${argument}`);
  if (found.isDirectory()) {
    const { files, problems } = await readPackageFolder(path);
    if (problems.length > 0) throw new CliFailure(EXIT.invalidPackage, `${argument} is not a valid package`, problems);
    return { kind: 'folder', files };
  }
  if (accept === 'folder') throw new CliFailure(EXIT.usage, `${argument} is not a folder`);
  const zip = new Uint8Array(await readFile(path));
  const unpacked = (await processPackage()).unpackPackage(zip);
  if (!unpacked.ok) throw new CliFailure(EXIT.invalidPackage, `${argument} is not a valid package zip`, unpacked.problems);
  return { kind: 'zip', files: unpacked.files, zip };
}
