// Everything one run measured, and the targets of issue 2 judged against it.
import type { BenchOptions } from '../cli-options.js';
import type { CrmScaleResult } from '../crm-scale/crm-scale-bench.js';
import type { CeilingResult } from '../db/db-ceiling.js';
import type { HttpLoadResult } from '../http/http-load.js';
import type { InMemoryResult } from '../in-memory/in-memory-bench.js';
import type { RulesBenchResult } from '../rules/rules-bench.js';
import type { RuleTaskCostResult } from '../rules/rule-task-cost.js';
import type { MachineInfo } from './machine.js';

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  options: BenchOptions;
  machine: MachineInfo;
  loadAverageAtEnd: number[];
  inMemory?: InMemoryResult;
  dbCeiling?: CeilingResult;
  http?: HttpLoadResult;
  rules?: RulesBenchResult;
  ruleTask?: RuleTaskCostResult;
  crmScale?: CrmScaleResult;
  /** (b)'s commands per second over (c)'s transactions per second, when both ran. */
  httpToCeilingRatio?: number;
  failures: { part: string; message: string }[];
  targets: TargetCheck[];
}

const flatHeapLimitBytes = 1024 * 1024;

export function judgeTargets(result: Omit<BenchResult, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const a = result.inMemory;
  if (a) {
    for (const row of a.throughput) {
      checks.push({ target: `(a) ${row.diagram}: interpreter >= 100x bpmn-engine`, measured: `${row.speedup.toFixed(0)}x`, met: row.speedup >= 100 });
    }
    checks.push({ target: '(a) parked lead state < 2 KB', measured: `${a.parkedLeadStateBytes} B`, met: a.parkedLeadStateBytes < 2048 });
    const churned = a.memory.churnInstances * 2;
    checks.push({
      target: `(a) memory flat: heap growth after ${churned.toLocaleString('en-US')} instances not kept < 1 MiB`,
      measured: `${(a.memory.churnDeltaBytes / 1024).toFixed(0)} KiB`,
      met: a.memory.churnDeltaBytes < flatHeapLimitBytes,
    });
  }
  if (result.httpToCeilingRatio !== undefined) {
    checks.push({
      target: '(b) commands/s >= 1/3 of the PostgreSQL ceiling (c)',
      measured: result.httpToCeilingRatio.toFixed(2),
      met: result.httpToCeilingRatio >= 1 / 3,
    });
  }
  const b = result.http;
  if (b) {
    for (const [call, summary] of [
      ['start', b.latencyMs.start],
      ['find task', b.latencyMs.findTask],
      ['complete', b.latencyMs.complete],
    ] as const) {
      checks.push({ target: `(b) p99 of ${call} < 50 ms`, measured: `${summary.p99.toFixed(1)} ms`, met: summary.p99 < 50 });
    }
    checks.push({ target: '(b) no failed instances', measured: String(b.errors), met: b.errors === 0 });
  }
  for (const row of result.rules?.throughput ?? []) {
    if (row.rules === 20) {
      checks.push({ target: `(d) ${row.ruleSet}: compiled >= 10x json-rules-engine`, measured: `${row.speedup.toFixed(1)}x`, met: row.speedup >= 10 });
      checks.push({
        target: `(d) ${row.ruleSet}: compiled >= 45,000 evaluations/s (10x the issue's ~4,500/s)`,
        measured: `${Math.round(row.compiledDecide.perSecond).toLocaleString('en-US')}/s`,
        met: row.compiledDecide.perSecond >= 45_000,
      });
    }
  }
  const e = result.ruleTask;
  if (e) {
    checks.push({
      target: `(f) a business-rule task (${e.ruleCount}-rule set) adds < 0.2 ms of engine CPU per process command (median of the rounds)`,
      measured: `${e.medianAddedEngineCpuMs.toFixed(3)} ms`,
      met: e.medianAddedEngineCpuMs < 0.2,
    });
  }
  const g = result.crmScale;
  if (g) {
    for (const window of g.load.windows) {
      const limit = window.name.startsWith('pipeline') ? 100 : window.name.startsWith('record writes') ? undefined : 50;
      if (limit === undefined) continue;
      const worst = Object.entries(window.latencyMs).reduce<[string, number]>(
        (max, [call, summary]) => (summary.p99 > max[1] ? [call, summary.p99] : max),
        ['', 0],
      );
      checks.push({
        target: `(g) ${window.name}: every call's p99 < ${limit} ms (${window.requests > 0 ? 'worst' : 'no calls'})`,
        measured: `${worst[1].toFixed(1)} ms (${worst[0]})`,
        met: window.requests > 0 && worst[1] < limit && window.errors === 0,
      });
    }
    const w = g.load.writeCheck;
    checks.push({
      target: '(g) every PATCH wrote one history row and moved its version once',
      measured: `${w.writes} writes, ${w.historyRows} history rows, versions ${w.versionsMatch ? 'match' : 'differ'}`,
      met: w.writes > 0 && w.historyRows === w.writes && w.versionsMatch,
    });
  }
  return checks;
}
