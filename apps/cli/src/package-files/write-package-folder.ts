// Writes unpacked package files into a folder (export --dir). The folder must be new or empty:
// an export never mixes with, or overwrites, files that are there.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PackageFile } from '@stageflow/process-package';
import { CliFailure } from '../cli-failure.js';
import { EXIT } from '../exit-codes.js';

export async function writePackageFolder(folder: string, files: readonly PackageFile[]): Promise<void> {
  const existing = await readdir(folder).catch(() => undefined);
  if (existing !== undefined && existing.length > 0) throw new CliFailure(EXIT.usage, `--dir: ${folder} is not empty`);
  for (const file of files) {
    // The lib's unpack refused absolute paths, `..`, backslashes and links: each path stays inside.
    const target = join(folder, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
}
