// Who holds a PostgreSQL data directory (postmaster.pid), and taking it back from a server
// whose Node.js parent was killed. Linux /proc; elsewhere a live server is simply refused.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The parent pid of `pid` (Linux /proc), or undefined when it cannot be read. */
function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `pid` is a Node.js process (an engine or tool that may still use the server). */
function isNodeProcess(pid: number): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /(^|\/)node$/.test(cmdline.split('\0')[0] ?? '') || cmdline.startsWith('node');
  } catch {
    return false;
  }
}

/** The pid of the postmaster that holds `dataDir`, if one is running. */
export function postmasterPid(dataDir: string): number | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A postmaster still holds the data directory. When the process that started it was killed
 * (the postmaster was re-parented to init), stop it; when that process still runs, refuse:
 * a second engine must not take the first one's database away. A stale lock file without a
 * live server is left to PostgreSQL, which removes it itself.
 */
export async function releaseDataDirectory(dataDir: string): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (pid === undefined) return;
  const parent = parentPid(pid);
  if (parent === undefined || (parent !== 1 && isAlive(parent) && isNodeProcess(parent))) {
    throw new Error(
      `the embedded PostgreSQL in ${dataDir} is in use by another process (postmaster pid ${pid}${parent ? `, started by pid ${parent}` : ''}); stop that process first, or set DATABASE_URL`,
    );
  }
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!isAlive(pid)) return;
  }
  throw new Error(`a left-over PostgreSQL server (pid ${pid}) still uses ${dataDir}; stop it first`);
}
