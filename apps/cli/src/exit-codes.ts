/** The exit codes of `stageflow` (docs/packages.md, "The stageflow CLI"): scripts branch on them. */
export const EXIT = {
  ok: 0,
  /** The package has problems (validation, zip limits); each is printed `file: element: message`. */
  invalidPackage: 1,
  /** The command line is wrong: an unknown option, a missing argument, a path that does not exist. */
  usage: 2,
  /** The engine answered with an error (4xx, 5xx): its problems are printed. */
  serverRefused: 3,
  /** No answer from the engine: connection refused, unknown host, timeout. */
  unreachable: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
