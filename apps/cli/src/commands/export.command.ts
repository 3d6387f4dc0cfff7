// stageflow export <package>: downloads a deployed version's zip, as it was deployed, to a file,
// or unpacks it into a folder (--dir) to edit and deploy again.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { CliFailure } from '../cli-failure.js';
import { callEngine, engineClient } from '../engine/engine-client.js';
import { addEngineOptions, engineTarget, type EngineFlags } from '../engine/engine-options.js';
import { EXIT } from '../exit-codes.js';
import { processPackage } from '../lazy-libs.js';
import { printJson } from '../output.js';
import { writePackageFolder } from '../package-files/write-package-folder.js';

type Flags = EngineFlags & { version?: string; out?: string; dir?: string; json?: boolean };

export function addExportCommand(program: Command, io: CliIo): void {
  const command = program
    .command('export')
    .description('download a deployed package version as a zip, or unpack it into a folder')
    .argument('<package>', 'the package name')
    .option('--version <version>', 'the version (default: the current one)')
    .addOption(new Option('-o, --out <file>', 'the zip to write (default: <name>-<version>.zip)').conflicts('dir'))
    .option('--dir <folder>', 'unpack into this folder (new or empty) instead')
    .option('--json', 'print {ok, name, version, file | dir, bytes} as JSON');
  addEngineOptions(command).action(async (name: string, flags: Flags) => {
    const target = engineTarget(flags, io);
    const client = await engineClient(target, io);
    const version = flags.version ?? (await callEngine(target, `package ${name}`, () => client.packages.get(name))).activeVersion;
    const zip = await callEngine(target, `archive of ${name} ${version}`, () => client.packages.archive(name, version));
    let written: { file: string } | { dir: string };
    if (flags.dir !== undefined) {
      const unpacked = (await processPackage()).unpackPackage(zip);
      if (!unpacked.ok) throw new CliFailure(EXIT.invalidPackage, `the archive of ${name} ${version} is not a valid package zip`, unpacked.problems);
      const dir = resolve(io.cwd, flags.dir);
      await writePackageFolder(dir, unpacked.files);
      written = { dir };
    } else {
      const file = resolve(io.cwd, flags.out ?? `${name}-${version}.zip`);
      await writeFile(file, zip);
      written = { file };
    }
    if (flags.json) printJson(io, { ok: true, name, version, ...written, bytes: zip.byteLength });
    else io.stdout(`${name} ${version}: wrote ${'dir' in written ? written.dir : written.file} (${zip.byteLength} bytes)\n`);
  });
}
