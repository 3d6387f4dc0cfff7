// Reads a package and checks it as a whole with the lib, as the engine's deploy will.
import type { ValidatedPackage } from '@stageflow/process-package';
import { CliFailure } from '../cli-failure.js';
import { EXIT } from '../exit-codes.js';
import { processPackage } from '../lazy-libs.js';
import { readPackageSource, type PackageSource } from './read-package-source.js';

export interface CheckedPackage extends PackageSource {
  package: ValidatedPackage;
}

export async function readValidPackage(argument: string, cwd: string, accept?: 'folder or zip' | 'folder'): Promise<CheckedPackage> {
  const source = await readPackageSource(argument, cwd, accept);
  const validated = await (await processPackage()).validatePackage(source.files);
  if (!validated.ok) throw new CliFailure(EXIT.invalidPackage, `${argument} is not a valid package`, validated.problems);
  return { ...source, package: validated.package };
}
