// Starts the built engine (apps/engine/dist/main.js) as a child process on a free loopback
// port, against the given DATABASE_URL, and stops it with SIGTERM (SIGKILL after 15 s).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { findFreePort } from '@stageflow/postgres-server';

export interface EngineProcess {
  baseUrl: URL;
  adminPassword: string;
  pid: number;
  /** The engine's stdout and stderr so far. */
  logTail(lines: number): string;
  stop(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const engineEntry = join(repoRoot, 'apps/engine/dist/main.js');

async function healthy(baseUrl: URL): Promise<boolean> {
  for (const path of ['/api/v1/health', '/health']) {
    try {
      const response = await fetch(new URL(path, baseUrl), { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
  }
  return false;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

/** `env`: settings over the bench's defaults (e.g. the standard packages and the web app for the board's bench). */
export async function startEngine(
  databaseUrl: string,
  log: (line: string) => void,
  startTimeoutMs = 120_000,
  env: Record<string, string> = {},
): Promise<EngineProcess> {
  if (!existsSync(engineEntry)) throw new Error(`${engineEntry} is missing: build first (npm run build)`);
  const port = await findFreePort();
  const workDir = await mkdtemp(join(tmpdir(), 'stageflow-benchengine-'));
  const logFile = join(workDir, 'engine.log');
  const logStream = createWriteStream(logFile);
  const adminPassword = randomBytes(12).toString('hex');
  const child = spawn(process.execPath, [engineEntry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      STAGEFLOW_DATA_DIR: join(workDir, 'data'),
      STAGEFLOW_ADMIN_PASSWORD: adminPassword,
      // The benchmark deploys its own diagrams and measures them on an engine with nothing else.
      STAGEFLOW_STANDARD_PACKAGES: 'off',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(logStream, { end: false });
  child.stderr?.pipe(logStream, { end: false });
  const baseUrl = new URL(`http://127.0.0.1:${port}`);
  const logTail = (lines: number): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n') : '');
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(timer);
    }
    logStream.end();
    await rm(workDir, { recursive: true, force: true });
  };
  log(`starting the engine (pid ${child.pid}) on ${baseUrl.href}`);
  const deadline = Date.now() + startTimeoutMs;
  while (!(await healthy(baseUrl))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const tail = logTail(40);
      await stop();
      throw new Error(`the engine did not become healthy (exit code ${child.exitCode}); its log ends:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseUrl, adminPassword, pid: child.pid ?? -1, logTail, stop };
}
