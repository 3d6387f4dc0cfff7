// Runs the CLI in memory, as the shell would, and keeps what it printed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli.js';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as one JSON document (for --json runs). */
  json(): Record<string, unknown>;
}

export async function stageflow(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: options.env ?? {},
    cwd: options.cwd ?? FIXTURES,
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}

/** A fresh temporary folder for a test's outputs; remove it with the returned function. */
export async function temporaryFolder(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'stageflow-cli-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
