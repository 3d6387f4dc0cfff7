// stageflow validate <package>: checks a folder or zip as a whole, as the engine's deploy will.
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { count, printJson } from '../output.js';
import { readValidPackage } from '../package-files/validate-package-source.js';

export function addValidateCommand(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check a package (folder or zip) as a whole: manifest, resources, cross references, parameters')
    .argument('<package>', 'a package folder or its zip')
    .option('--json', 'print {ok, problems, package} as JSON')
    .action(async (argument: string, flags: { json?: boolean }) => {
      const { package: valid, files } = await readValidPackage(argument, io.cwd);
      const { name, version } = valid.manifest;
      const parameters = Object.keys(valid.parameterDefaults);
      if (flags.json) {
        printJson(io, { ok: true, problems: [], package: { name, version, files: files.length, parameters, liveParameters: valid.liveParameters } });
      } else {
        io.stdout(`${name} ${version}: valid (${count(files.length, 'file')}, ${count(parameters.length, 'parameter')})\n`);
      }
    });
}
