// Issue 3 benchmarks: `node tools/bench/dist/jobs-main.js [--only queues|timers|nodes|correlation]`.
// queues: graphile-worker vs pg-boss on our workload (docs/jobs.md); timers, nodes and
// correlation: the engine's timer lateness with many timers pending, throughput with 1-3 nodes,
// and POST /messages correlations per second (docs/performance.md). Writes
// results/jobs-<parts>-latest.{md,json}.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchPostgres } from './db/bench-postgres.js';
import { measureDbCeiling } from './db/db-ceiling.js';
import { benchCorrelation, type CorrelationFigures } from './jobs/correlation-bench.js';
import { benchNodes, benchTimers, type NodeFigures, type TimerFigures } from './jobs/engine-jobs-bench.js';
import { compareQueues, type QueueFigures } from './jobs/queue-compare.js';
import { currentLoadAverage, describeMachine } from './report/machine.js';

const log = (line: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

type Part = 'queues' | 'timers' | 'nodes' | 'correlation';
const PARTS: Part[] = ['queues', 'timers', 'nodes', 'correlation'];

interface JobsBenchOptions {
  parts: Part[];
  rounds: number;
  pending: number;
  seconds: number;
  /** correlation: instances waiting for a message, and concurrent clients sending them. */
  instances: number;
  clients: number;
  /** correlation: messages sent with a ttl before their instances wait (0: skip). */
  buffered: number;
}

function parse(argv: string[]): JobsBenchOptions {
  const options: JobsBenchOptions = { parts: [], rounds: 3, pending: 100_000, seconds: 20, instances: 3000, clients: 16, buffered: 1000 };
  const numeric = {
    '--rounds': 'rounds',
    '--pending': 'pending',
    '--seconds': 'seconds',
    '--instances': 'instances',
    '--clients': 'clients',
    '--buffered': 'buffered',
  } as const;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (flag === '--only' && PARTS.includes(argv[i + 1] as Part)) options.parts.push(argv[++i] as Part);
    else if (flag in numeric && Number.isFinite(Number(argv[i + 1])) && Number(argv[i + 1]) >= 0)
      options[numeric[flag as keyof typeof numeric]] = Number(argv[++i]);
    else
      throw new Error(
        `usage: jobs-main.js [--only ${PARTS.join('|')}]... [--rounds N] [--pending N] [--seconds N] [--instances N] [--clients N] [--buffered N]`,
      );
  }
  if (options.parts.length === 0) options.parts = [...PARTS];
  return options;
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

function correlationSection(f: CorrelationFigures, ceiling: number, cpus: number): string[] {
  const l = f.latency;
  const other = f.cpu.machineBusyCores - (f.cpu.groups.engine ?? 0) - (f.cpu.groups.postgres ?? 0) - f.cpu.benchCores;
  const lines = [
    `## Message correlation (1 node, ${f.clients} clients, POST /api/v1/messages {name, correlationKey})`,
    '',
    `${f.waitingStarted} instances waiting at a message catch event keyed by \`= offerId\` (started at ${f.startsPerSecond.toFixed(0)}/s by 8 clients); ${f.warmupCorrelations} messages as warm-up, then one message for each other instance. Every answer checked: 200 \`correlated\`, instance completed.`,
    '',
    '| correlations/s | p50 ms | p90 ms | p99 ms | max ms | correlated | errors | correlations/s ÷ DB ceiling |',
    '|---|---|---|---|---|---|---|---|',
    `| ${f.correlationsPerSecond.toFixed(0)} | ${l.p50.toFixed(1)} | ${l.p90.toFixed(1)} | ${l.p99.toFixed(1)} | ${l.max.toFixed(1)} | ${f.correlated} | ${f.errors} | ${(f.correlationsPerSecond / ceiling).toFixed(2)} |`,
    '',
    `CPU while measuring: ${f.cpu.machineBusyCores.toFixed(2)} of ${cpus} cores busy — engine ${(f.cpu.groups.engine ?? 0).toFixed(2)}, PostgreSQL ${(f.cpu.groups.postgres ?? 0).toFixed(2)}, load generator ${f.cpu.benchCores.toFixed(2)}, everything else ${other.toFixed(2)}. PostgreSQL ceiling: ${ceiling.toFixed(0)} transactions/s.${f.errorSamples.length ? ` Errors: ${f.errorSamples.join('; ')}` : ''}`,
    '',
  ];
  const b = f.buffered;
  if (b) {
    lines.push(
      `### Buffered messages (ttl), delivered when the subscription opens`,
      '',
      `${b.messages} messages sent with \`ttl: PT1H\` before anyone waits, then ${b.messages} instances started that wait for them: each start claims its message and adds the delivery job in its own statement; a job worker correlates it.`,
      '',
      '| buffered (202)/s | buffer p50 / p99 ms | starts/s | delivered/s (first start to last end) | delivery latency (start to end) p50 / p99 / max ms | errors |',
      '|---|---|---|---|---|---|',
      `| ${b.bufferedPerSecond.toFixed(0)} | ${b.bufferLatency.p50.toFixed(1)} / ${b.bufferLatency.p99.toFixed(1)} | ${b.startsPerSecond.toFixed(0)} | ${b.deliveredPerSecond.toFixed(0)} | ${b.deliveryLatency.p50.toFixed(0)} / ${b.deliveryLatency.p99.toFixed(0)} / ${b.deliveryLatency.max.toFixed(0)} | ${b.errors} |`,
      '',
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const { parts, rounds, pending, seconds } = options;
  const machine = describeMachine();
  const startedAt = new Date().toISOString();
  const postgres = await startBenchPostgres(log);
  const result: Record<string, unknown> = { startedAt, machine, postgres: postgres.version };
  const sections: string[] = [`# Jobs benchmark (${startedAt})`, '', `Machine: ${JSON.stringify(machine)}; PostgreSQL ${postgres.version}.`, ''];
  // The PostgreSQL ceiling (part (c) of main.js) on this server, measured once when a part needs it.
  let ceiling: Promise<{ transactionsPerSecond: number; latencyMs: unknown }> | undefined;
  const measureCeiling = () => {
    ceiling ??= (async () => {
      log('PostgreSQL ceiling, 16 clients');
      const c = await measureDbCeiling({
        url: postgres.scratchUrl,
        clients: 16,
        warmupSeconds: 3,
        seconds: 10,
        maxTransactions: 5_000_000,
        log,
        watchProcesses: () => ({}),
      });
      result.ceiling = { transactionsPerSecond: c.transactionsPerSecond, latencyMs: c.latencyMs };
      return { transactionsPerSecond: c.transactionsPerSecond, latencyMs: c.latencyMs };
    })();
    return ceiling;
  };
  try {
    if (parts.includes('queues')) {
      log(`queues: ${rounds} interleaved rounds`);
      const figures = await compareQueues({
        graphileUrl: postgres.engineUrl,
        pgbossUrl: postgres.scratchUrl,
        rounds,
        enqueueJobs: 3000,
        latenessJobs: 300,
        log,
      });
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
      const ceiling = await measureCeiling();
      result.nodes = figures;
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
    if (parts.includes('correlation')) {
      const figures: CorrelationFigures = await benchCorrelation(postgres.engineUrl, {
        instances: options.instances,
        clients: options.clients,
        buffered: options.buffered,
        postgresPids: () => postgres.processIds(),
        log,
      });
      const ceiling = await measureCeiling();
      result.correlation = figures;
      sections.push(...correlationSection(figures, ceiling.transactionsPerSecond, machine.cpus));
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
