import type { ExitCode } from './exit-codes.js';

/** One problem the CLI reports: the file (or field), the element when there is one, the reason. */
export interface CliProblem {
  resource: string;
  elementId?: string;
  path?: string;
  message: string;
}

/** Ends a command with an exit code, a one-line message and the problems behind it (printed on stderr). */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';

  constructor(
    readonly exitCode: ExitCode,
    message: string,
    readonly problems: readonly CliProblem[] = [],
    /** More for `--json`: the server's status and error code. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
