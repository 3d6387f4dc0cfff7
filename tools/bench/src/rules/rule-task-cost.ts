// Part (f): what a business-rule task adds to a process command, end to end on the built
// engine. Two processes that differ in one element: start -> classify -> user task -> end,
// where `classify` is a business-rule task on the 20-rule, 5-condition territory set in one and
// a pass-through `bpmn:task` in the other (same elements, same input variables), so the
// difference is what the task costs: resolving the latest version, getting it to the
// interpreter worker, evaluating it, writing the result (a variable and its history row). Windows of the two alternate
// (plain, rules, plain, rules, ...) so a machine whose load drifts disturbs both alike; the
// engine's CPU per command (process-wide, worker threads included) is the figure that holds
// on a busy machine, commands/s the one that does not.
import { CpuMeter, type CpuUsage } from '../stats/cpu-meter.js';
import { summarize, type LatencySummary } from '../stats/percentiles.js';
import { EngineApi } from '../http/engine-api.js';
import { HttpClient } from '../http/http-client.js';
import { leadPool, twentyRuleFiveConditionSet } from './territory-rule-sets.js';

export type RuleTaskVariant = 'plain' | 'rules';

export interface RuleTaskWindow {
  variant: RuleTaskVariant;
  seconds: number;
  /** start + complete = 2 per instance. */
  commands: number;
  cpu: CpuUsage;
}

export interface RuleTaskVariantFigures {
  variant: RuleTaskVariant;
  seconds: number;
  commands: number;
  commandsPerSecond: number;
  /** Engine CPU (main thread + interpreter workers) per command, ms. */
  engineCpuMsPerCommand: number;
  /** PostgreSQL CPU per command, ms. */
  postgresCpuMsPerCommand: number;
  latencyMs: { start: LatencySummary; complete: LatencySummary };
}

export interface RuleTaskCostResult {
  ruleSet: string;
  ruleCount: number;
  clients: number;
  rounds: number;
  windows: RuleTaskWindow[];
  plain: RuleTaskVariantFigures;
  rules: RuleTaskVariantFigures;
  /** rules - plain, engine CPU ms per command: the cost the aim (< 0.2 ms) is about. */
  addedEngineCpuMsPerCommand: number;
  /** rules - plain, engine + PostgreSQL CPU ms per command. */
  addedTotalCpuMsPerCommand: number;
  /** Each round's added engine CPU ms per command (rules window - the plain window before it), to show the spread. */
  addedEngineCpuMsPerRound: number[];
  /** The median of those: robust to a round that another process on the machine disturbed. */
  medianAddedEngineCpuMs: number;
  errors: number;
  errorSamples: string[];
}

export interface RuleTaskCostOptions {
  baseUrl: URL;
  adminPassword: string;
  watchProcesses: () => Record<string, number[]>;
  clients: number;
  warmupSeconds: number;
  /** Seconds of each window. */
  seconds: number;
  /** Pairs of windows (plain, rules). */
  rounds: number;
  log: (line: string) => void;
}

const RESULT_VARIABLE = 'territory';

/** The same process with `classify` as a business-rule task (`ruleSetKey`) or as a pass-through task. */
export function classifyDiagram(key: string, ruleSetKey: string | undefined): string {
  const classify = ruleSetKey
    ? `<bpmn:businessRuleTask id="classify" name="Territory" stageflow:ruleSet="${ruleSetKey}" stageflow:resultVariable="${RESULT_VARIABLE}" />`
    : '<bpmn:task id="classify" name="Territory" />';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:stageflow="https://stageflow.dev/schema/bpmn" id="defs" targetNamespace="https://stageflow.dev/bench">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="classify" />
    ${classify}
    <bpmn:sequenceFlow id="f2" sourceRef="classify" targetRef="qualify" />
    <bpmn:userTask id="qualify" name="Qualify lead" />
    <bpmn:sequenceFlow id="f3" sourceRef="qualify" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

function figures(variant: RuleTaskVariant, windows: RuleTaskWindow[], samples: { start: number[]; complete: number[] }): RuleTaskVariantFigures {
  const mine = windows.filter((w) => w.variant === variant);
  const seconds = mine.reduce((sum, w) => sum + w.seconds, 0);
  const commands = mine.reduce((sum, w) => sum + w.commands, 0);
  const cpuSeconds = (group: string): number => mine.reduce((sum, w) => sum + (w.cpu.groups[group] ?? 0) * w.seconds, 0);
  return {
    variant,
    seconds,
    commands,
    commandsPerSecond: commands / seconds,
    engineCpuMsPerCommand: (cpuSeconds('engine') * 1000) / commands,
    postgresCpuMsPerCommand: (cpuSeconds('postgres') * 1000) / commands,
    latencyMs: { start: summarize(samples.start), complete: summarize(samples.complete) },
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

const engineMsPerCommand = (w: RuleTaskWindow): number => ((w.cpu.groups.engine ?? 0) * w.seconds * 1000) / w.commands;

export async function runRuleTaskCost(options: RuleTaskCostOptions): Promise<RuleTaskCostResult> {
  const ruleSet = twentyRuleFiveConditionSet();
  const keys: Record<RuleTaskVariant, string> = { plain: 'bench-classify-plain', rules: 'bench-classify-rules' };
  const leads = leadPool();
  const http = new HttpClient(options.baseUrl, options.clients + 2);
  const api = new EngineApi(http);
  try {
    http.authorize(await api.login('admin', options.adminPassword));
    await api.deploy('bench-rule-task', [
      { name: `${ruleSet.key}.rule-set.json`, content: JSON.stringify(ruleSet) },
      { name: 'classify-plain.bpmn', content: classifyDiagram(keys.plain, undefined) },
      { name: 'classify-rules.bpmn', content: classifyDiagram(keys.rules, ruleSet.key) },
    ]);
    let sequence = 0;
    let errors = 0;
    const errorSamples: string[] = [];
    const samples: Record<RuleTaskVariant, { start: number[]; complete: number[] }> = {
      plain: { start: [], complete: [] },
      rules: { start: [], complete: [] },
    };

    const window = async (variant: RuleTaskVariant, seconds: number, measured: boolean): Promise<number> => {
      const deadline = performance.now() + seconds * 1000;
      let instances = 0;
      const client = async (): Promise<void> => {
        while (performance.now() < deadline) {
          const lead = leads[sequence++ % leads.length];
          try {
            let at = performance.now();
            const instanceId = await api.start(keys[variant], { ...lead });
            if (measured) samples[variant].start.push(performance.now() - at);
            const tasks = await api.openTasks(instanceId);
            if (tasks.length !== 1) throw new Error(`instance ${instanceId} has ${tasks.length} open tasks, expected 1`);
            at = performance.now();
            const state = await api.complete(tasks[0], {});
            if (measured) samples[variant].complete.push(performance.now() - at);
            if (state !== 'completed') throw new Error(`instance ${instanceId} is ${state} after its task`);
            instances += 1;
          } catch (error) {
            errors += 1;
            if (errorSamples.length < 5) errorSamples.push(error instanceof Error ? error.message : String(error));
            if (errors > 100) throw new Error(`more than 100 failed instances; first errors:\n${errorSamples.join('\n')}`);
          }
        }
      };
      await Promise.all(Array.from({ length: options.clients }, client));
      return instances;
    };

    options.log(`(f) warming up both processes, ${options.warmupSeconds} s each`);
    await window('plain', options.warmupSeconds, false);
    await window('rules', options.warmupSeconds, false);
    // The result is written: check that the rule set really decided (a territory or the fallback).
    const probe = await http.send('POST', `/api/v1/process-definitions/key/${keys.rules}/start`, { variables: { ...leads[0] } });
    const written = (probe.body as { variables?: Record<string, unknown> } | undefined)?.variables?.[RESULT_VARIABLE];
    if (typeof written !== 'object' || written === null || !('territory' in written))
      throw new Error(`the business-rule task wrote ${JSON.stringify(written)}, expected a territory`);

    const windows: RuleTaskWindow[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      for (const variant of ['plain', 'rules'] as const) {
        options.log(`(f) round ${round}/${options.rounds}: ${variant}, ${options.seconds} s`);
        const cpu = new CpuMeter(options.watchProcesses());
        const startedAt = performance.now();
        const instances = await window(variant, options.seconds, true);
        windows.push({ variant, seconds: (performance.now() - startedAt) / 1000, commands: 2 * instances, cpu: cpu.read() });
      }
    }
    const plain = figures('plain', windows, samples.plain);
    const rules = figures('rules', windows, samples.rules);
    const addedEngineCpuMsPerRound: number[] = [];
    for (let i = 0; i + 1 < windows.length; i += 2) addedEngineCpuMsPerRound.push(engineMsPerCommand(windows[i + 1]) - engineMsPerCommand(windows[i]));
    return {
      ruleSet: ruleSet.key,
      ruleCount: ruleSet.rules.length,
      clients: options.clients,
      rounds: options.rounds,
      windows,
      plain,
      rules,
      addedEngineCpuMsPerCommand: rules.engineCpuMsPerCommand - plain.engineCpuMsPerCommand,
      addedTotalCpuMsPerCommand: rules.engineCpuMsPerCommand + rules.postgresCpuMsPerCommand - plain.engineCpuMsPerCommand - plain.postgresCpuMsPerCommand,
      addedEngineCpuMsPerRound,
      medianAddedEngineCpuMs: median(addedEngineCpuMsPerRound),
      errors,
      errorSamples,
    };
  } finally {
    http.close();
  }
}
