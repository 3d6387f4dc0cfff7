// stageflow pack <folder>: the folder as a deterministic zip (the same folder packs to the same
// bytes), refused when the package is not valid.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { processPackage } from '../lazy-libs.js';
import { count, printJson } from '../output.js';
import { readValidPackage } from '../package-files/validate-package-source.js';

export function addPackCommand(program: Command, io: CliIo): void {
  program
    .command('pack')
    .description('zip a valid package folder, deterministically')
    .argument('<folder>', 'a package folder')
    .option('-o, --out <file>', 'where to write the zip (default: <name>-<version>.zip)')
    .option('--json', 'print {ok, file, bytes, sha256, name, version} as JSON')
    .action(async (argument: string, flags: { out?: string; json?: boolean }) => {
      const { package: valid, files } = await readValidPackage(argument, io.cwd, 'folder');
      const { name, version } = valid.manifest;
      const zip = (await processPackage()).packPackage(files);
      const file = resolve(io.cwd, flags.out ?? `${name}-${version}.zip`);
      await writeFile(file, zip);
      const sha256 = createHash('sha256').update(zip).digest('hex');
      if (flags.json) printJson(io, { ok: true, file, bytes: zip.byteLength, sha256, name, version });
      else io.stdout(`${name} ${version}: wrote ${file} (${count(zip.byteLength, 'byte')}, ${count(files.length, 'file')})\n`);
    });
}
