// The pipeline board on a large pipeline (issue 14: "a manager's board of 10,000 open deals opens in
// under 1 s"): fills an empty database with the CRM generator of part (g) at the size that gives the
// asked number of open deals (80% of the generated deals are open), starts the built engine on it with
// the standard packages (the opportunity process: the board's columns) and the built web app, makes
// manager-north the manager of every team — so one manager sees every deal — and times GET /board as
// that manager. With --serve it then keeps the engine running for the browser measurement
// (apps/modeler/scripts/board-open-time.mjs), until Ctrl-C.
//   node tools/bench/dist/board/board-main.js postgres://postgres@127.0.0.1:5432/board_bench [--open-deals 10000] [--runs 20] [--serve]
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareCrmScale } from '../crm-scale/crm-scale-bench.js';
import { EngineApi } from '../http/engine-api.js';
import { startEngine } from '../http/engine-process.js';
import { HttpClient } from '../http/http-client.js';
import { summarize } from '../stats/percentiles.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** Deals at size 1 of the generator, and the share of them it leaves open. */
const FULL_SCALE_DEALS = 100_000;
const OPEN_SHARE = 0.8;

const log = (line: string): void => {
  process.stderr.write(`[board ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!(value > 0)) throw new Error(`--${name} needs a positive number`);
  return value;
}

interface BoardAnswer {
  columns: { stage: string; totals: { count: number }; cards: unknown[] }[];
}

async function main(): Promise<void> {
  const databaseUrl = process.argv[2];
  if (!databaseUrl?.startsWith('postgres')) {
    process.stderr.write('usage: board-main.js <postgres url of an empty database> [--open-deals 10000] [--runs 20] [--serve]\n');
    process.exit(2);
  }
  const openDeals = option('open-deals', 10_000);
  const runs = option('runs', 20);
  const size = openDeals / OPEN_SHARE / FULL_SCALE_DEALS;
  const prepared = await prepareCrmScale(databaseUrl, size, log);
  const manager = prepared.organisation.managers[0]!;
  // The administrator was created by the first start, with its password.
  const adminPassword = prepared.engine.adminPassword;
  await prepared.engine.stop();

  const engine = await startEngine(databaseUrl, log, 120_000, {
    STAGEFLOW_STANDARD_PACKAGES: join(repoRoot, 'process-definitions'),
    STAGEFLOW_WEB_APP_DIR: join(repoRoot, 'apps/modeler/dist'),
    STAGEFLOW_ADMIN_PASSWORD: adminPassword,
  });
  const http = new HttpClient(engine.baseUrl, 1);
  try {
    const api = new EngineApi(http);
    http.authorize(await api.login('admin', adminPassword));
    for (const teamId of prepared.organisation.teams) await http.send('POST', `/api/v1/teams/${teamId}/members`, { username: manager.username });
    http.authorize(await api.login(manager.username, manager.password));

    const timings: number[] = [];
    let answer: BoardAnswer | undefined;
    for (let run = -3; run < runs; run++) {
      const started = performance.now();
      answer = (await http.send('GET', '/api/v1/board')).body as BoardAnswer;
      if (run >= 0) timings.push(performance.now() - started);
    }
    const columns = answer!.columns.map((column) => `${column.stage} ${column.totals.count} (${column.cards.length} cards)`).join(', ');
    const open = answer!.columns.filter((column) => !['Won', 'Lost'].includes(column.stage)).reduce((sum, column) => sum + column.totals.count, 0);
    const summary = summarize(timings);
    process.stdout.write(
      `${JSON.stringify({ openDeals: open, columns, getBoardMs: summary, generationSeconds: prepared.generation.totalSeconds, manager: manager.username }, null, 2)}\n`,
    );
    if (process.argv.includes('--serve')) {
      log(`serving ${engine.baseUrl.href} — sign in as ${manager.username} / ${manager.password}; Ctrl-C to stop`);
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    }
  } finally {
    http.close();
    await engine.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
