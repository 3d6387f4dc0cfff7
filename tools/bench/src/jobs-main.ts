// Issue 3 benchmarks: `node tools/bench/dist/jobs-main.js [--only queues|timers|nodes]`.
// queues: graphile-worker vs pg-boss on our workload (docs/jobs.md); timers and nodes: the
// engine's timer lateness with many timers pending and throughput with 1-3 nodes
// (docs/performance.md). Writes results/jobs-<parts>-latest.{md,json}.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchPostgres } from './db/bench-postgres.js';
import { measureDbCeiling } from './db/db-ceiling.js';
import { benchNodes, benchTimers, type NodeFigures, type TimerFigures } from './jobs/engine-jobs-bench.js';
import { compareQueues, type QueueFigures } from './jobs/queue-compare.js';
import { currentLoadAverage, describeMachine } from './report/machine.js';

const log = (line: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

type Part = 'queues' | 'timers' | 'nodes';
const PARTS: Part[] = ['queues', 'timers', 'nodes'];

function parse(argv: string[]): { parts: Part[]; rounds: number; pending: number; seconds: number } {
  const parts: Part[] = [];
  let rounds = 3;
  let pending = 100_000;
  let seconds = 20;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only' && PARTS.includes(argv[i + 1] as Part)) parts.push(argv[++i] as Part);
    else if (argv[i] === '--rounds') rounds = Number(argv[++i]);
    else if (argv[i] === '--pending') pending = Number(argv[++i]);
    else if (argv[i] === '--seconds') seconds = Number(argv[++i]);
    else throw new Error(`usage: jobs-main.js [--only ${PARTS.join('|')}]... [--rounds N] [--pending N] [--seconds N]`);
  }
  return { parts: parts.length > 0 ? parts : PARTS, rounds, pending, seconds };
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
  const { parts, rounds, pending, seconds } = parse(process.argv.slice(2));
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
    if (parts.includes('timers')) {
      log(`timers: lateness with ${pending} pending`);
      const timers: TimerFigures = await benchTimers(postgres.engineUrl, { pending, measured: 1000, log });
      result.timers = timers;
      sections.push(
        `## Timer lateness with ${timers.pendingTimers} timers pending (1 node)`,
        '',
        `${timers.measuredTimers} timers due within 5 s of each other, among ${timers.pendingTimers} pending (due in a day). Lateness = database time of the firing command minus the due time.`,
        '',
        `| p50 ms | p90 ms | p99 ms | max ms | timers fired per second during the burst |`,
        '|---|---|---|---|---|',
        `| ${timers.lateness.p50.toFixed(0)} | ${timers.lateness.p90.toFixed(0)} | ${timers.lateness.p99.toFixed(0)} | ${timers.lateness.max.toFixed(0)} | ${timers.firedPerSecond.toFixed(0)} |`,
        '',
      );
    }
    if (parts.includes('nodes')) {
      const figures: NodeFigures[] = [];
      for (const nodes of [1, 2, 3]) {
        log(`nodes: ${nodes} node(s), 16 clients, ${seconds} s`);
        const f = await benchNodes(postgres.engineUrl, { nodes, seconds, clients: 16, log });
        log(`nodes: ${nodes}: ${f.instancesPerSecond.toFixed(1)} instances/s, ${f.lostRaces} lost races of ${f.commands} commands, ${f.errors} errors`);
        figures.push(f);
      }
      log('nodes: PostgreSQL ceiling, 16 clients');
      const ceiling = await measureDbCeiling({ url: postgres.scratchUrl, clients: 16, warmupSeconds: 3, seconds: 10, maxTransactions: 5_000_000, log, watchProcesses: () => ({}) });
      result.nodes = figures;
      result.ceiling = { transactionsPerSecond: ceiling.transactionsPerSecond, latencyMs: ceiling.latencyMs };
      const one = figures[0]?.instancesPerSecond ?? Number.NaN;
      sections.push(
        '## Throughput with 1, 2 and 3 nodes (start + complete, 16 clients spread over the nodes)',
        '',
        '| nodes | instances/s | commands/s | vs 1 node | lost races (re-runs) / commands | errors | commands/s ÷ DB ceiling |',
        '|---|---|---|---|---|---|---|',
        ...figures.map(
          (f) =>
            `| ${f.nodes} | ${f.instancesPerSecond.toFixed(1)} | ${f.commandsPerSecond.toFixed(1)} | ${(f.instancesPerSecond / one).toFixed(2)} | ${f.lostRaces} / ${f.commands} | ${f.errors} | ${(f.commandsPerSecond / ceiling.transactionsPerSecond).toFixed(2)} |`,
        ),
        '',
        `PostgreSQL ceiling (BEGIN; INSERT; UPDATE; COMMIT from 16 clients): ${ceiling.transactionsPerSecond.toFixed(0)} transactions/s.`,
        '',
      );
    }
  } finally {
    await postgres.stop();
  }
  result.loadAverageAtEnd = currentLoadAverage();
  sections.push(`Load average at the end: ${JSON.stringify(result.loadAverageAtEnd)}`);
  const dir = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'results');
  await mkdir(dir, { recursive: true });
  // One file per set of parts, so a run of one part keeps the figures of the others.
  const name = `jobs-${parts.join('-')}-latest`;
  await writeFile(join(dir, `${name}.md`), `${sections.join('\n')}\n`);
  await writeFile(join(dir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${sections.join('\n')}\n`);
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
