// The `stageflow` command: one commander program per run, its output and exit code kept apart
// from the process (main.ts) so the specs run it in memory.
import { Command, CommanderError } from 'commander';
import type { CliIo } from './cli-io.js';
import { CliFailure } from './cli-failure.js';
import { addDeployCommand } from './commands/deploy.command.js';
import { addExportCommand } from './commands/export.command.js';
import { addPackCommand } from './commands/pack.command.js';
import { addParamsCommand } from './commands/params.command.js';
import { addRollbackCommand } from './commands/rollback.command.js';
import { addValidateCommand } from './commands/validate.command.js';
import { EXIT } from './exit-codes.js';
import { printJson, printProblems } from './output.js';

export const CLI_VERSION = '0.1.0';

function createProgram(io: CliIo): Command {
  const program = new Command('stageflow')
    .description('Validate, pack and deploy Stageflow process packages; read and change their parameters; export them; roll back to an earlier version.')
    .version(CLI_VERSION, '-V, --version', 'print the version of stageflow')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 ok, 1 invalid package, 2 usage, 3 the engine refused, 4 the engine is unreachable.',
        'Engine: --url (else $STAGEFLOW_URL, else http://localhost:3000), --token (else $STAGEFLOW_TOKEN).',
      ].join('\n'),
    );
  addValidateCommand(program, io);
  addPackCommand(program, io);
  addDeployCommand(program, io);
  addParamsCommand(program, io);
  addExportCommand(program, io);
  addRollbackCommand(program, io);
  return program;
}

/** Runs `stageflow <argv>` and resolves with its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  let json = false;
  program.hook('preAction', (_program, action) => {
    json = action.opts().json === true;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    // commander printed its message (and the hint) already; help and version end with 0.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof CliFailure) {
      io.stderr(`stageflow: ${error.message}\n`);
      printProblems(io, error.problems);
      if (json) printJson(io, { ok: false, exitCode: error.exitCode, message: error.message, problems: error.problems, ...error.extra });
      return error.exitCode;
    }
    io.stderr(`stageflow: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 70; // an unexpected failure of the CLI itself (EX_SOFTWARE), not one of the documented outcomes
  }
}
