// stageflow rollback <package> --version <v>: makes an earlier deployed version the active one again.
// The engine refuses (409, exit 3) when running instances would be orphaned and names them; --force
// rolls back anyway and lists them.
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { CliFailure } from '../cli-failure.js';
import { callEngine, engineClient } from '../engine/engine-client.js';
import { addEngineOptions, engineTarget, type EngineFlags } from '../engine/engine-options.js';
import { printJson } from '../output.js';

type Flags = EngineFlags & { version: string; force?: boolean; json?: boolean };

export function addRollbackCommand(program: Command, io: CliIo): void {
  const command = program
    .command('rollback')
    .description('make an earlier deployed version of a package the active one again')
    .argument('<package>', 'the package name')
    .requiredOption('--version <version>', 'the deployed version to roll back to')
    .option('--force', 'roll back even though running instances would be orphaned (the engine names them otherwise)')
    .option('--json', 'print {ok, name, version, orphaned} as JSON');
  addEngineOptions(command).action(async (name: string, flags: Flags) => {
    const target = engineTarget(flags, io);
    const client = await engineClient(target, io);
    const rolledBack = await callEngine(target, `rollback of ${name} to ${flags.version}`, () =>
      client.packages.rollback(name, { version: flags.version, ...(flags.force ? { force: true } : {}) }),
    ).catch((error: unknown) => {
      // The refusal names the instances; say how to go on.
      if (error instanceof CliFailure && error.extra.status === 409 && error.problems.some((problem) => problem.resource.startsWith('instance ')))
        throw new CliFailure(error.exitCode, `${error.message}; add --force to roll back anyway`, error.problems, error.extra);
      throw error;
    });
    const orphaned = rolledBack.orphaned;
    if (flags.json) {
      printJson(io, { ok: true, name, version: rolledBack.version, orphaned });
      return;
    }
    io.stdout(`${name}: ${rolledBack.version} is the active version again\n`);
    for (const instance of orphaned) {
      io.stdout(`  orphaned: instance ${instance.processInstanceId} (${instance.definitionKey} version ${instance.definitionVersion})\n`);
    }
  });
}
