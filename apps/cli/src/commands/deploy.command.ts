// stageflow deploy <package>: validates the package here, packs a folder, and POSTs the zip to
// the engine, which deploys it in one transaction (the same version with the same content again
// changes nothing).
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { processPackage } from '../lazy-libs.js';
import { callEngine, engineClient } from '../engine/engine-client.js';
import { addEngineOptions, engineTarget, type EngineFlags } from '../engine/engine-options.js';
import { printJson } from '../output.js';
import { readValidPackage } from '../package-files/validate-package-source.js';

export function addDeployCommand(program: Command, io: CliIo): void {
  const command = program
    .command('deploy')
    .description('deploy a package (folder or zip) to the engine')
    .argument('<package>', 'a package folder or its zip')
    .option('--json', "print the engine's answer as JSON");
  addEngineOptions(command).action(async (argument: string, flags: EngineFlags & { json?: boolean }) => {
    const target = engineTarget(flags, io);
    const source = await readValidPackage(argument, io.cwd);
    const zip = source.zip ?? (await processPackage()).packPackage(source.files);
    const { name, version } = source.package.manifest;
    const deployed = await callEngine(target, `deploy ${name} ${version}`, async () => (await engineClient(target, io)).packages.deploy(zip));
    if (flags.json) printJson(io, { ok: true, ...deployed });
    else if (deployed.created) io.stdout(`${name} ${version}: deployed to ${target.url}\n`);
    else io.stdout(`${name} ${version}: already deployed with the same content, nothing changed\n`);
  });
}
