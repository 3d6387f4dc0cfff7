// A standard package folder (process-definitions/<name>) as its specs read it: the files the package
// holds, read as `stageflow pack` and the engine's start-up deploy read them (@stageflow/package-folder),
// with their contents as text. A folder the reader finds a problem in fails the spec.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPackageFolder } from '@stageflow/package-folder';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const decoder = new TextDecoder();

export interface PackageFileText {
  path: string;
  content: string;
}

/** The files of the standard package `name`, paths relative to its folder with `/`, in the reader's order. */
export async function packageFiles(name: string): Promise<PackageFileText[]> {
  const { files, problems } = await readPackageFolder(join(ROOT, name));
  if (problems.length > 0) throw new Error(`process-definitions/${name}: ${JSON.stringify(problems)}`);
  return files.map((file) => ({ path: file.path, content: decoder.decode(file.content) }));
}
