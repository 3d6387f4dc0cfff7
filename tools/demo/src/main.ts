// `npm run demo`: the engine as `npm start` runs it, in its own data folder (.stageflow/demo: its
// own embedded PostgreSQL, apart from `npm start`'s data), filled on its first run with demo data
// made by the standard processes (demo-data.ts); the users' passwords are printed once, at the end
// of that run. Later runs start the engine on the data as it is.
//
//   node tools/demo/dist/main.js [--seed N] [--leads N] [--deals N] [--concurrency N] [--exit]
//
// --exit stops the engine once the data is made (for measuring: docs/performance.md). PORT
// (default 3000) and STAGEFLOW_DATA_DIR (default .stageflow/demo) as for the engine.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DemoApi } from './demo-api.js';
import { fillDemo } from './demo-data.js';
import { startDemoEngine, type DemoEngine } from './demo-engine.js';
import { FULL_SCALE } from './demo-plan.js';
import { describeCounts, settledCounts } from './demo-summary.js';
import { DEMO_USERS } from './demo-world.js';

const DEFAULT_SEED = 12;

function say(line: string): void {
  process.stdout.write(`[demo] ${line}\n`);
}

/** The monorepo root (holds nx.json). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6 && !existsSync(join(dir, 'nx.json')); i++) dir = resolve(dir, '..');
  return dir;
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return parsed;
}

function password(): string {
  return randomBytes(12).toString('base64url');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      leads: { type: 'string' },
      deals: { type: 'string' },
      concurrency: { type: 'string' },
      exit: { type: 'boolean', default: false },
    },
  });
  const seed = positive(values.seed, DEFAULT_SEED, 'seed');
  const scale = { leads: positive(values.leads, FULL_SCALE.leads, 'leads'), deals: positive(values.deals, FULL_SCALE.deals, 'deals') };
  const concurrency = Math.max(1, positive(values.concurrency, 16, 'concurrency'));
  const root = projectRoot();
  const dataDir = resolve(process.env.STAGEFLOW_DATA_DIR || join(root, '.stageflow/demo'));
  const port = positive(process.env.PORT, 3000, 'PORT');
  const marker = join(dataDir, 'demo.json');
  const fresh = !existsSync(join(dataDir, 'pg'));
  const passwords = new Map([['admin', password()], ...DEMO_USERS.map((user) => [user.username, password()] as const)]);

  say(`data folder ${dataDir}${fresh ? ' (new: the demo data is made once the engine is up)' : ''}`);
  mkdirSync(dataDir, { recursive: true });
  let engine: DemoEngine;
  try {
    engine = await startDemoEngine({ root, dataDir, port, ...(fresh ? { adminPassword: passwords.get('admin')! } : {}) });
  } catch (error) {
    // A first start that failed (the port taken, say) leaves a database without the demo: the next run starts afresh.
    if (fresh) rmSync(join(dataDir, 'pg'), { recursive: true, force: true });
    throw error;
  }
  const stop = (): void => void engine.stop();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  if (fresh) {
    try {
      await fill(engine, { seed, scale, concurrency, passwords, marker });
    } catch (error) {
      process.stderr.write(`[demo] making the demo data failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.stderr.write(`[demo] remove ${dataDir} and run again\n`);
      await engine.stop();
      return 1;
    }
  } else if (!existsSync(marker)) {
    say(`the demo data in ${dataDir} is incomplete (an earlier run stopped while making it): remove the folder and run again for the full demo`);
  } else {
    say(`demo data as made on the first run (${marker}); the passwords were printed then`);
  }
  if (values.exit) await engine.stop();
  return (await engine.exited) ?? 0;
}

async function fill(
  engine: DemoEngine,
  options: { seed: number; scale: typeof FULL_SCALE; concurrency: number; passwords: ReadonlyMap<string, string>; marker: string },
): Promise<void> {
  const started = Date.now();
  const admin = await new DemoApi(engine.url).login('admin', options.passwords.get('admin')!);
  const timings = await fillDemo(admin, { ...options, log: say });
  const seconds = (Date.now() - started) / 1000;
  const counts = await settledCounts(admin);
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  // No passwords in the file: they are printed once, below.
  writeFileSync(
    options.marker,
    `${JSON.stringify({ seed: options.seed, scale: options.scale, madeAt: new Date().toISOString(), seconds, timings, machine, counts }, null, 2)}\n`,
  );
  const width = Math.max(...[...options.passwords.keys()].map((name) => name.length));
  const roles = new Map(DEMO_USERS.map((user) => [user.username, user.role]));
  const lines = [
    '',
    `Stageflow demo on ${engine.url.replace('127.0.0.1', 'localhost')} (API /api/v1, docs /api/docs): made in ${seconds.toFixed(0)} s`,
    ...describeCounts(counts).map((line) => `  ${line}`),
    '',
    'Users (the passwords are shown only now; keep them):',
    ...[...options.passwords].map(([name, secret]) => `  ${name.padEnd(width)}  ${secret}  ${roles.get(name) ?? 'administrator'}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[demo] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
