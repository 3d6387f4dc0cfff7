// Part (d): rule evaluations per second for territory rule sets — the compiled evaluator of
// libs/rules next to json-rules-engine (libs/rules' ReferenceEvaluator), same rule sets, same
// leads, one process, one evaluation at a time.
import { ReferenceEvaluator, compileRuleSet, variablesFactResolver, type FactResolver } from '@stageflow/rules';
import type { RuleSet } from '@stageflow/process-package';
import { loopAsync, loopSync, type LoopResult, type TimeBox } from '../in-memory/time-box.js';
import { fiftyRuleSet, leadPool, twentyRuleFiveConditionSet } from './territory-rule-sets.js';

export interface RuleSetThroughput {
  ruleSet: string;
  label: string;
  rules: number;
  conditions: number;
  /** Share of the leads that matched a rule (the rest got the fallback). */
  matchedShare: number;
  /** compileRuleSet(...).decide: the business-rule task's path. */
  compiledDecide: LoopResult;
  /** compileRuleSet(...).explain: every condition, with the explanation (dry run). */
  compiledExplain: LoopResult;
  /** ReferenceEvaluator.evaluate: json-rules-engine's run + the same explanation. */
  jsonRulesEngine: LoopResult;
  /** ReferenceEvaluator.run: json-rules-engine's engine.run alone (no explanation). */
  jsonRulesEngineRunOnly: LoopResult;
  /** compiledDecide / jsonRulesEngineRunOnly evaluations per second (the conservative ratio). */
  speedup: number;
  /** Microseconds one compiled decision takes on average. */
  compiledDecideMicros: number;
}

export interface RulesBenchResult {
  throughput: RuleSetThroughput[];
}

function countConditions(ruleSet: RuleSet): number {
  return ruleSet.rules.reduce((sum, rule) => sum + ('all' in rule.conditions ? rule.conditions.all.length : 1), 0);
}

export async function runRulesBench(options: { seconds: number; warmupSeconds: number; log: (line: string) => void }): Promise<RulesBenchResult> {
  const leads: FactResolver[] = leadPool().map((lead) => variablesFactResolver(lead));
  const now = new Date('2026-03-31T10:00:00Z');
  const measure: TimeBox = { seconds: options.seconds, maxIterations: 50_000_000 };
  const warmup: TimeBox = { seconds: options.warmupSeconds, maxIterations: 50_000_000 };
  const throughput: RuleSetThroughput[] = [];
  const sets: Array<[RuleSet, string]> = [
    [fiftyRuleSet(), '50 rules, 2-3 conditions each'],
    [twentyRuleFiveConditionSet(), '20 rules, 5 conditions each'],
  ];
  for (const [ruleSet, label] of sets) {
    const compiled = compileRuleSet(ruleSet);
    const reference = new ReferenceEvaluator(ruleSet);
    const matchedShare = leads.filter((lead) => !compiled.decide(lead, now).usedFallback).length / leads.length;
    let sink = 0;
    const decide = (i: number): void => {
      sink += compiled.decide(leads[i % leads.length], now).results.length;
    };
    const explain = (i: number): void => {
      sink += compiled.explain(leads[i % leads.length], now).rules.length;
    };
    const runReference = async (i: number): Promise<void> => {
      sink += (await reference.evaluate(leads[i % leads.length], now)).rules.length;
    };
    const runEngineOnly = async (i: number): Promise<void> => {
      sink += (await reference.run(leads[i % leads.length], now)).results.length + 1;
    };
    options.log(`(d) ${ruleSet.key}: warming up`);
    loopSync(warmup, decide);
    loopSync(warmup, explain);
    await loopAsync(warmup, runReference);
    await loopAsync(warmup, runEngineOnly);
    options.log(`(d) ${ruleSet.key}: compiled`);
    const compiledDecide = loopSync(measure, decide);
    const compiledExplain = loopSync(measure, explain);
    options.log(`(d) ${ruleSet.key}: json-rules-engine`);
    const jsonRulesEngine = await loopAsync(measure, runReference);
    const jsonRulesEngineRunOnly = await loopAsync(measure, runEngineOnly);
    if (sink === 0) throw new Error('no evaluation produced anything');
    throughput.push({
      ruleSet: ruleSet.key,
      label,
      rules: ruleSet.rules.length,
      conditions: countConditions(ruleSet),
      matchedShare,
      compiledDecide,
      compiledExplain,
      jsonRulesEngine,
      jsonRulesEngineRunOnly,
      speedup: compiledDecide.perSecond / jsonRulesEngineRunOnly.perSecond,
      compiledDecideMicros: 1e6 / compiledDecide.perSecond,
    });
  }
  return { throughput };
}
