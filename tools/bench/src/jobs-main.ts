// Issue 3 benchmarks: `node tools/bench/dist/jobs-main.js [--only queues|timers|nodes]`.
// queues: graphile-worker vs pg-boss on our workload (docs/jobs.md); timers and nodes: the
// engine's timer lateness with many timers pending and throughput with 1-3 nodes
// (docs/performance.md). Writes results/jobs-latest.{md,json}.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchPostgres } from './db/bench-postgres.js';
import { compareQueues, type QueueFigures } from './jobs/queue-compare.js';
import { currentLoadAverage, describeMachine } from './report/machine.js';

const log = (line: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

type Part = 'queues';
const PARTS: Part[] = ['queues'];

function parse(argv: string[]): { parts: Part[]; rounds: number } {
  const parts: Part[] = [];
  let rounds = 3;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only' && PARTS.includes(argv[i + 1] as Part)) parts.push(argv[++i] as Part);
    else if (argv[i] === '--rounds') rounds = Number(argv[++i]);
    else throw new Error(`usage: jobs-main.js [--only ${PARTS.join('|')}]... [--rounds N]`);
  }
  return { parts: parts.length > 0 ? parts : PARTS, rounds };
}

function queueTable(figures: QueueFigures[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.library} | ${f.enqueuePerSecond.toFixed(0)} | ${f.roundTripsPerEnqueue} | ${f.drainPerSecond.toFixed(0)} | ${f.lateness.p50.toFixed(0)} | ${f.lateness.p99.toFixed(0)} | ${f.lateness.max.toFixed(0)} |`,
  );
  return [
    '| library | enqueue with a row write, jobs/s (8 clients) | round trips per enqueue | drain, jobs/s (2 workers) | lateness p50 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const { parts, rounds } = parse(process.argv.slice(2));
  const machine = describeMachine();
  const startedAt = new Date().toISOString();
  const postgres = await startBenchPostgres(log);
  const result: Record<string, unknown> = { startedAt, machine, postgres: postgres.version };
  const sections: string[] = [`# Jobs benchmark (${startedAt})`, '', `Machine: ${JSON.stringify(machine)}; PostgreSQL ${postgres.version}.`, ''];
  try {
    if (parts.includes('queues')) {
      log(`queues: ${rounds} interleaved rounds`);
      const figures = await compareQueues({ graphileUrl: postgres.engineUrl, pgbossUrl: postgres.scratchUrl, rounds, enqueueJobs: 3000, latenessJobs: 300, log });
      result.queues = figures;
      sections.push('## graphile-worker vs pg-boss (medians of the rounds; lateness over all rounds)', '', queueTable(figures), '');
    }
  } finally {
    await postgres.stop();
  }
  result.loadAverageAtEnd = currentLoadAverage();
  sections.push(`Load average at the end: ${JSON.stringify(result.loadAverageAtEnd)}`);
  const dir = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'jobs-latest.md'), `${sections.join('\n')}\n`);
  await writeFile(join(dir, 'jobs-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${sections.join('\n')}\n`);
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
