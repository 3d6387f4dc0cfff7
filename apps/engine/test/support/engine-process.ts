// Runs the BUILT engine (apps/engine/dist/main.js) as a child process, as `npm start` does:
// the interpreter's worker threads load compiled JavaScript, so this is what ships.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '@stageflow/postgres-server';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '../../../..');
export const ENGINE_MAIN = join(REPO_ROOT, 'apps/engine/dist/main.js');

export interface EngineProcess {
  url: string;
  port: number;
  /** Everything the engine printed, for failure messages. */
  output(): string;
  /** SIGTERM and wait for the exit (a clean shutdown); resolves with the exit code. */
  stop(): Promise<number | null>;
  /**
   * Sends `signal` to the engine, or to its whole process group as a terminal's Ctrl-C does
   * (needs `ownProcessGroup`), and waits for the exit; resolves with the exit code.
   */
  signal(signal: NodeJS.Signals, to: 'process' | 'group'): Promise<number | null>;
  child: ChildProcess;
}

export interface EngineOptions {
  /** Absent: the engine runs its embedded PostgreSQL (under STAGEFLOW_DATA_DIR, given in `env`). */
  databaseUrl?: string;
  adminPassword: string;
  env?: Record<string, string>;
  port?: number;
  /** The engine leads a process group of its own, like a command started from a terminal. */
  ownProcessGroup?: boolean;
}

export async function startEngine(options: EngineOptions): Promise<EngineProcess> {
  if (!existsSync(ENGINE_MAIN)) {
    throw new Error(`${ENGINE_MAIN} is missing: build first (npm run build)`);
  }
  const port = options.port ?? (await findFreePort());
  let output = '';
  const child = spawn(process.execPath, [ENGINE_MAIN], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
      PORT: String(port),
      STAGEFLOW_ADMIN_PASSWORD: options.adminPassword,
      STAGEFLOW_DB_POOL_SIZE: '10',
      // Suites start from an empty engine and deploy what they test; the standard packages'
      // deployment at start-up has its own suite (standard-packages-start.e2e-spec.ts).
      STAGEFLOW_STANDARD_PACKAGES: 'off',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup ?? false,
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the engine exited with ${child.exitCode} during start-up:\n${output}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the engine did not become healthy within 60 s:\n${output}`);
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return {
    url,
    port,
    child,
    output: () => output,
    stop() {
      return signal('SIGTERM', 'process');
    },
    signal,
  };

  async function signal(name: NodeJS.Signals, to: 'process' | 'group'): Promise<number | null> {
    if (child.exitCode !== null) return child.exitCode;
    if (to === 'group') process.kill(-child.pid!, name);
    else child.kill(name);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }
}
