// How results and problems are printed: problems one per line on stderr, `file: element: message`
// as the engine's deployment problems name them; `--json` documents on stdout for scripts.
import type { CliIo } from './cli-io.js';
import type { CliProblem } from './cli-failure.js';

export function formatProblem(problem: CliProblem): string {
  const where = problem.elementId ?? problem.path;
  return where ? `${problem.resource}: ${where}: ${problem.message}` : `${problem.resource}: ${problem.message}`;
}

export function printProblems(io: CliIo, problems: readonly CliProblem[]): void {
  for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`);
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** `1 file`, `3 files`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
