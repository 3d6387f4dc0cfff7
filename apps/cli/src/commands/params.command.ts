// stageflow params get|set <package>: a deployed package's parameters, changed without a redeploy;
// the engine checks the values against the manifest's schema and keeps every change.
import type { Command } from 'commander';
import type { PackageParametersView } from '@stageflow/api-contract';
import type { CliIo } from '../cli-io.js';
import { callEngine, engineClient } from '../engine/engine-client.js';
import { addEngineOptions, engineTarget, type EngineFlags } from '../engine/engine-options.js';
import { printJson } from '../output.js';
import { parameterChanges } from './parameter-changes.js';

type Flags = EngineFlags & { json?: boolean };

function printValues(io: CliIo, values: PackageParametersView['values']): void {
  for (const [key, value] of Object.entries(values)) io.stdout(`${key} = ${JSON.stringify(value)}\n`);
}

export function addParamsCommand(program: Command, io: CliIo): void {
  const params = program.command('params').description("read or change a deployed package's parameters");

  const get = params
    .command('get')
    .description('print the current parameter values')
    .argument('<package>', 'the package name')
    .option('--json', "print the engine's answer as JSON");
  addEngineOptions(get).action(async (name: string, flags: Flags) => {
    const target = engineTarget(flags, io);
    const current = await callEngine(target, `parameters of ${name}`, async () => (await engineClient(target, io)).packages.parameters(name));
    if (flags.json) printJson(io, { ok: true, ...current });
    else printValues(io, current.values);
  });

  const set = params
    .command('set')
    .description('change parameters: key=value (JSON when it parses, else text) and/or --file')
    .argument('<package>', 'the package name')
    .argument('[assignments...]', 'key=value, e.g. firstContactSlaHours=48 stages=\'["New","Won"]\'')
    .option('-f, --file <json>', 'a JSON object of parameter values')
    .option('-m, --comment <text>', 'why the parameters change: kept with the change in the parameter history')
    .option('--json', "print the engine's answer as JSON");
  addEngineOptions(set).action(async (name: string, assignments: string[], flags: Flags & { file?: string; comment?: string }) => {
    const target = engineTarget(flags, io);
    const changes = await parameterChanges(assignments, flags.file, io.cwd);
    const client = await engineClient(target, io);
    const current = await callEngine(target, `parameters of ${name}`, () => client.packages.parameters(name));
    const changed = await callEngine(target, `set parameters of ${name}`, () =>
      client.packages.setParameters(name, { ...current.values, ...changes }, flags.comment),
    );
    if (flags.json) printJson(io, { ok: true, ...changed });
    else printValues(io, changed.values);
  });
}
