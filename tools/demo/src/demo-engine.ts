// The engine as `npm start` runs it (apps/engine/dist/main.js, its embedded PostgreSQL), in the
// demo's own data folder: its output goes to the terminal, and the demo waits for its health.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface DemoEngine {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** SIGTERM (the engine's orderly shutdown) and its exit code. */
  stop(): Promise<number | null>;
}

export async function startDemoEngine(options: { root: string; dataDir: string; port: number; adminPassword?: string }): Promise<DemoEngine> {
  const entry = join(options.root, 'apps/engine/dist/main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm run build)`);
  const child = spawn(process.execPath, [entry], {
    cwd: options.root,
    env: {
      ...process.env,
      PORT: String(options.port),
      STAGEFLOW_DATA_DIR: options.dataDir,
      ...(options.adminPassword === undefined ? {} : { STAGEFLOW_ADMIN_PASSWORD: options.adminPassword }),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${options.port}`;
  // The first start initialises PostgreSQL and deploys the standard packages: give it time.
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the engine exited with ${child.exitCode} while starting`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('the engine did not answer within 5 minutes');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
