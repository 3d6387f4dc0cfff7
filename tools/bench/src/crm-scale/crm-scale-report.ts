// The markdown of part (g): the generated data (rows, sizes, time), then each window's latency per call.
import type { CrmScaleResult } from './crm-scale-bench.js';

const int = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const mib = (bytes: number): string => `${int(bytes / 2 ** 20)} MiB`;

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

export function renderCrmScale(g: CrmScaleResult): string[] {
  const lines: string[] = [];
  const gen = g.generation;
  lines.push(
    `#### (g) CRM at scale (issue 11): size ${g.size}, seed ${gen.seed}; ${g.users.teams} teams, ${g.users.managers} managers, ${g.users.sellers} sellers`,
    '',
  );
  lines.push(
    ...table(
      ['table', 'rows', 'insert s', 'heap', 'indexes'],
      gen.tables.map((t) => [t.table, int(t.rows), t.insertSeconds.toFixed(1), mib(t.heapBytes), mib(t.indexBytes)]),
    ),
    '',
    `Generated in **${gen.totalSeconds.toFixed(1)} s**: inserts ${gen.insertSeconds.toFixed(1)} s, indexes built ${gen.indexSeconds.toFixed(1)} s, ` +
      `VACUUM ANALYZE ${gen.analyzeSeconds.toFixed(1)} s; database ${mib(gen.databaseBytes)}.`,
    '',
  );
  for (const window of g.load.windows) {
    const cpu = window.cpu;
    lines.push(
      `**${window.name}** (${window.users} users): ${int(window.requestsPerSecond)} requests/s, ${window.errors} errors` +
        `${window.errorSamples.length ? ` (${window.errorSamples.join('; ')})` : ''}; CPU: machine ${cpu.machineBusyCores.toFixed(2)} cores, ` +
        `engine ${(cpu.groups.engine ?? 0).toFixed(2)}, PostgreSQL ${(cpu.groups.postgres ?? 0).toFixed(2)}, load generator ${cpu.benchCores.toFixed(2)}`,
      '',
      ...table(
        ['call', 'count', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
        Object.entries(window.latencyMs).map(([call, s]) => [call, int(s.count), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)]),
      ),
      '',
    );
  }
  const w = g.load.writeCheck;
  lines.push(
    `Writes: ${int(w.writes)} PATCHes answered 200, ${int(w.historyRows)} history rows added, versions ${w.versionsMatch ? 'moved once per write' : '**did not match the writes**'}.`,
    '',
  );
  return lines;
}
