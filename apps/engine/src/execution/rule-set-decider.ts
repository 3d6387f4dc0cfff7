// The interpreter worker's side of business-rule tasks: the `decide` function handed to the
// pure interpreter (InterpretOptions.decide). Each rule-set version is compiled once with
// libs/rules' compileRuleSet and kept by version id (a version never changes, so an entry is
// never stale); `$now` is the command's instant, so a rule reads no clock.
import type { DecideRuleSet } from '@stageflow/bpmn-runtime';
import type { RuleSet } from '@stageflow/process-package';
import { compileRuleSet, decisionValue, variablesFactResolver, type CompiledRuleSet } from '@stageflow/rules';

/** A deployed rule-set version as the engine sends it to the worker with a command. */
export interface RuleSetVersion {
  key: string;
  /** rule_sets.id: the version. */
  id: string;
  version: number;
  content: RuleSet;
}

const MAX_COMPILED = 256;

export class RuleSetDecider {
  private readonly compiled = new Map<string, { ruleSet: RuleSet; compiled: CompiledRuleSet }>();

  /** `decide` for one command: `versions` are the rule sets its process refers to, as resolved by the engine. */
  decideFor(versions: readonly RuleSetVersion[] | undefined, now: string): DecideRuleSet {
    const byKey = new Map((versions ?? []).map((version) => [version.key, version]));
    return (key, facts) => {
      const version = byKey.get(key);
      if (!version) return { ok: false, message: `no rule set with key "${key}" is deployed` };
      const entry = this.compiledFor(version);
      const decision = entry.compiled.decide(variablesFactResolver(facts), new Date(now));
      return { ok: true, value: decisionValue(entry.ruleSet, decision) };
    };
  }

  /** How many versions are compiled (for specs). */
  get size(): number {
    return this.compiled.size;
  }

  private compiledFor(version: RuleSetVersion): { ruleSet: RuleSet; compiled: CompiledRuleSet } {
    const hit = this.compiled.get(version.id);
    if (hit) return hit;
    if (this.compiled.size >= MAX_COMPILED) {
      const oldest = this.compiled.keys().next().value;
      if (oldest !== undefined) this.compiled.delete(oldest);
    }
    const entry = { ruleSet: version.content, compiled: compileRuleSet(version.content) };
    this.compiled.set(version.id, entry);
    return entry;
  }
}
