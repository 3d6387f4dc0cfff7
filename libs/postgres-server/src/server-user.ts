// The OS user PostgreSQL runs as. It refuses to run as root: a root caller runs it as the
// `postgres` user instead (created when missing), which must then reach the binaries (see
// binaries.ts) and the data directory (see dataDirectoryPath).
import { execFile } from 'node:child_process';
import { chmod, lchown, mkdir, readdir, stat } from 'node:fs/promises';
import { platform, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface ServerUser {
  uid: number;
  gid: number;
}

/** What a user can do when the embedded PostgreSQL cannot be started where it is. */
export const WHAT_TO_DO =
  "check the folder's permissions, give the embedded PostgreSQL another data directory (the engine: STAGEFLOW_DATA_DIR), or use a PostgreSQL server of your own (the engine: DATABASE_URL)";

/** The message of something thrown (errors of node's own modules come from another realm under jest: no instanceof). */
export function messageOf(thrown: unknown): string {
  const message = (thrown as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : String(thrown);
}

/** A start-up failure, with what the user can do about it. */
export function startFailure(what: string, cause: string, user: ServerUser | undefined): Error {
  const runsAs = user ? ' PostgreSQL does not run as root: it runs as the `postgres` user, which must reach its binaries and its data directory.' : '';
  return new Error(`${what}: ${cause}.${runsAs} To go on, ${WHAT_TO_DO}.`);
}

async function lookUp(): Promise<ServerUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([execFileAsync('id', ['-u', 'postgres']), execFileAsync('id', ['-g', 'postgres'])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}

/** The user the server runs as when it cannot run as the caller (root): `postgres`, created when missing. Undefined otherwise. */
export async function serverUser(): Promise<ServerUser | undefined> {
  if (platform() === 'win32' || userInfo().uid !== 0) return undefined;
  const found = await lookUp();
  if (found) return found;
  let cause = '';
  try {
    await execFileAsync('groupadd', ['-f', 'postgres']);
    await execFileAsync('useradd', ['-g', 'postgres', 'postgres']);
  } catch (error) {
    cause = messageOf(error).trim();
  }
  // Looked up again: another process may have created it meanwhile.
  const created = await lookUp();
  if (created) return created;
  throw new Error(
    `PostgreSQL does not run as root, and the \`postgres\` user it would run as could not be created (${cause}): create it (useradd postgres), run as another user, or use a PostgreSQL server of your own (the engine: DATABASE_URL)`,
  );
}

async function chownTree(path: string, user: ServerUser): Promise<void> {
  await lchown(path, user.uid, user.gid);
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) await chownTree(child, user);
    else await lchown(child, user.uid, user.gid);
  }
}

/**
 * Gives the data directory to the server user: created (mode 0700) when missing, and handed
 * over, with what it holds, when someone else owns it (a cluster kept while the user's uid changed).
 */
export async function giveDataDirectory(dataDir: string, user: ServerUser): Promise<void> {
  try {
    await mkdir(dataDir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const owner = await stat(dataDir);
  if (owner.uid === user.uid && owner.gid === user.gid) return;
  await chownTree(dataDir, user);
  await chmod(dataDir, 0o700);
}

/**
 * How the server's processes name the data directory. As root on Linux they are started in it
 * (the working directory is entered before the user is switched) and name it `/proc/self/cwd`,
 * which leads to their working directory without passing its parent folders: the `postgres`
 * user then runs a cluster kept in a folder only root can enter (`/root/...`, a `mktemp -d`
 * folder), and no folder's permissions are changed. PostgreSQL enters its data directory at
 * start-up and names its files relative to it; initdb and every server process inherit the
 * working directory.
 */
export function dataDirectoryPath(dataDir: string, user: ServerUser | undefined): { cwd?: string; path: string } {
  if (user && platform() === 'linux') return { cwd: resolve(dataDir), path: '/proc/self/cwd' };
  return { path: dataDir };
}
