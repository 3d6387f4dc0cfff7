// The deployed `actions` rule sets (latest version of each key), each compiled once per event
// name with only the rules whose result is `on` that event (plus the fallback when it is): so a
// rule set's hit policy picks among the rules of the event at hand, and a `first` rule for
// another event never hides one for this event. Versions are immutable: compiled by id.
import { Injectable } from '@nestjs/common';
import type { ActionsResult, ProcessEventName, RuleSetOf } from '@stageflow/process-package';
import { compileRuleSet, type CompiledRuleSet } from '@stageflow/rules';
import { RuleSetsRepository } from '../rule-sets/rule-sets.repository.js';

const MAX_COMPILED = 500;

export interface ActionsRuleSetVersion {
  id: string;
  key: string;
  version: number;
  compiled: CompiledRuleSet;
}

@Injectable()
export class ActionsRuleSets {
  private readonly documents = new Map<string, RuleSetOf<'actions'>>();
  private readonly compiled = new Map<string, CompiledRuleSet>();

  constructor(private readonly ruleSets: RuleSetsRepository) {}

  /** The latest version of every actions rule set, compiled for `event` (those without a rule for it are left out). */
  async forEvent(event: ProcessEventName): Promise<ActionsRuleSetVersion[]> {
    const rows = await this.ruleSets.latestOfKind('actions');
    const missing = rows.filter((row) => !this.documents.has(row.id)).map((row) => row.id);
    if (missing.length > 0) {
      const documents = await this.ruleSets.contents(missing);
      for (const { id, content } of documents) if (content.kind === 'actions') this.remember(this.documents, id, content);
    }
    return rows.flatMap((row) => {
      const document = this.documents.get(row.id);
      if (!document) return [];
      const compiled = this.compiledFor(row.id, document, event);
      return compiled ? [{ id: row.id, key: row.key, version: row.version, compiled }] : [];
    });
  }

  private compiledFor(id: string, ruleSet: RuleSetOf<'actions'>, event: ProcessEventName): CompiledRuleSet | undefined {
    const cacheKey = `${id}\u0000${event}`;
    const hit = this.compiled.get(cacheKey);
    if (hit) return hit;
    const rules = ruleSet.rules.filter((rule) => rule.result.on === event);
    const fallback: ActionsResult | undefined = ruleSet.fallback?.on === event ? ruleSet.fallback : undefined;
    if (rules.length === 0 && fallback === undefined) return undefined;
    const { fallback: _ignored, ...rest } = ruleSet;
    const compiled = compileRuleSet({ ...rest, rules, ...(fallback === undefined ? {} : { fallback }) });
    this.remember(this.compiled, cacheKey, compiled);
    return compiled;
  }

  private remember<T>(cache: Map<string, T>, key: string, value: T): void {
    if (cache.size >= MAX_COMPILED) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(key, value);
  }
}
