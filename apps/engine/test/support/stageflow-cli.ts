// Runs the BUILT stageflow CLI as the shell does (`node_modules/.bin/stageflow` is a link to
// apps/cli/bin/stageflow.js): a child process, its exit code, stdout and stderr.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './engine-process.js';

export const CLI_BIN = join(REPO_ROOT, 'apps/cli/bin/stageflow.js');
const CLI_MAIN = join(REPO_ROOT, 'apps/cli/dist/main.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runStageflow(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  if (!existsSync(CLI_MAIN)) throw new Error(`${CLI_MAIN} is missing: build first (npm run build)`);
  return new Promise((resolveRun) => {
    execFile(
      process.execPath,
      [CLI_BIN, ...args],
      { cwd: options.cwd ?? REPO_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolveRun({ code, stdout, stderr });
      },
    );
  });
}
