/** What a run of the CLI reads and writes: the real process in main.ts, captured in the specs. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths on the command line are resolved against it. */
  cwd: string;
  /** The fetch the engine client uses (default: the global one). */
  fetch?: typeof fetch;
}
