// The interpreter worker's side of business-rule tasks: the `decide` function handed to the
// pure interpreter (InterpretOptions.decide). Each rule-set version is compiled once with
// libs/rules' compileRuleSet and kept by version id (a version never changes, so an entry is
// never stale). The main thread sends a version's document only while it does not know the
// worker holds it; a command naming a version the worker has not compiled (never sent, or
// evicted) is answered with the ids to send. `$now` is the command's instant, so a rule reads no clock.
import type { DecideRuleSet } from '@stageflow/bpmn-runtime';
import type { RuleSet } from '@stageflow/process-package';
import { compileRuleSet, decisionValue, variablesFactResolver, type CompiledRuleSet } from '@stageflow/rules';

/** A deployed rule-set version as the engine resolves it for a command. */
export interface RuleSetVersion {
  key: string;
  /** rule_sets.id: the version. */
  id: string;
  version: number;
  content: RuleSet;
}

/** A rule-set version as sent to a worker: without its document when the worker holds it already. */
export type ShippedRuleSet = Omit<RuleSetVersion, 'content'> & { content?: RuleSet };

interface Compiled {
  ruleSet: RuleSet;
  compiled: CompiledRuleSet;
}

const MAX_COMPILED = 256;

export type PreparedDecide = { kind: 'ready'; decide: DecideRuleSet } | { kind: 'missing'; ids: string[] };

export class RuleSetDecider {
  /** By version id, least recently used first. */
  private readonly compiled = new Map<string, Compiled>();

  constructor(private readonly maxCompiled = MAX_COMPILED) {}

  /**
   * `decide` for one command: `versions` are the rule sets its process refers to, as resolved by
   * the engine. Compiles what came with a document; 'missing' names the versions that came
   * without one and are not compiled here.
   */
  prepare(versions: readonly ShippedRuleSet[] | undefined, now: string): PreparedDecide {
    const byKey = new Map<string, Compiled | { error: unknown }>();
    const missing: string[] = [];
    for (const version of versions ?? []) {
      try {
        const entry = this.compiledFor(version);
        if (entry) byKey.set(version.key, entry);
        else missing.push(version.id);
      } catch (error) {
        // Thrown by the task that evaluates it (an incident naming the rule set), not by the command.
        byKey.set(version.key, { error });
      }
    }
    if (missing.length > 0) return { kind: 'missing', ids: missing };
    return {
      kind: 'ready',
      decide: (key, facts) => {
        const entry = byKey.get(key);
        if (!entry) return { ok: false, message: `no rule set with key "${key}" is deployed` };
        if ('error' in entry) throw entry.error;
        const decision = entry.compiled.decide(variablesFactResolver(facts), new Date(now));
        return { ok: true, value: decisionValue(entry.ruleSet, decision) };
      },
    };
  }

  /** How many versions are compiled (for specs). */
  get size(): number {
    return this.compiled.size;
  }

  private compiledFor(version: ShippedRuleSet): Compiled | undefined {
    const hit = this.compiled.get(version.id);
    if (hit) {
      // Most recently used last: eviction takes the version unused the longest.
      this.compiled.delete(version.id);
      this.compiled.set(version.id, hit);
      return hit;
    }
    if (!version.content) return undefined;
    if (this.compiled.size >= this.maxCompiled) {
      const oldest = this.compiled.keys().next().value;
      if (oldest !== undefined) this.compiled.delete(oldest);
    }
    const entry = { ruleSet: version.content, compiled: compileRuleSet(version.content) };
    this.compiled.set(version.id, entry);
    return entry;
  }
}
