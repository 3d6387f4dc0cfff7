// Placing something (a CRM record) into a territory with the deployed territory rule sets — the
// pure part: which facts the sets read, and which set and rule decide. Several territory rule sets:
// tried in key order; the first whose RULE matches decides; when no rule of any set matches, the
// fallback of the first set (by key) does. The engine part is TerritoryPlacements.
import type { Condition, FactCondition, RuleSetOf } from '@stageflow/process-package';
import type { CompiledRuleSet, FactResolver } from '@stageflow/rules';
import { territoryOf } from '../assignment/territory-of.js';

/** A fact a condition reads, with the path into it when it has one (`record` at `$.industry`). */
export interface FactRead {
  fact: string;
  path?: string;
}

/** A deployed territory rule set's latest version, compiled. */
export interface TerritoryRuleSetVersion {
  key: string;
  version: number;
  document: RuleSetOf<'territory'>;
  compiled: CompiledRuleSet;
}

/** What decided: the territory key, the rule set and its rule (`null`: the set's fallback), and the result's team and owner. */
export interface TerritoryDecision {
  territory: string;
  ruleSet: { key: string; version: number };
  ruleId: string | null;
  /** Team and owner as the rule's result names them (they win over the territory record's). */
  team?: string;
  owner?: string;
}

function collect(condition: Condition, into: FactRead[]): void {
  if ('all' in condition) for (const inner of condition.all) collect(inner, into);
  else if ('any' in condition) for (const inner of condition.any) collect(inner, into);
  else if ('not' in condition) collect(condition.not, into);
  else {
    const { fact, path } = condition as FactCondition;
    if (!into.some((read) => read.fact === fact && read.path === path)) into.push(path === undefined ? { fact } : { fact, path });
  }
}

/** Every fact (and path) the rules of `ruleSet` read, once each, in the order they first appear. */
export function factsReadBy(ruleSet: Pick<RuleSetOf<'territory'>, 'rules'>): FactRead[] {
  const reads: FactRead[] = [];
  for (const rule of ruleSet.rules) collect(rule.conditions, reads);
  return reads;
}

/**
 * The territory of the facts by `ruleSets` (any order: they are tried by key). Undefined when there
 * is no set, or no rule matches and no set has a usable fallback.
 */
export function decideTerritory(ruleSets: readonly TerritoryRuleSetVersion[], facts: FactResolver, now: Date): TerritoryDecision | undefined {
  const ordered = [...ruleSets].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let fallback: TerritoryDecision | undefined;
  for (const set of ordered) {
    const decision = set.compiled.decide(facts, now);
    const placed = territoryOf(decision.results[0]);
    if (placed === undefined) continue;
    const found: TerritoryDecision = {
      territory: placed.key,
      ruleSet: { key: set.key, version: set.version },
      ruleId: decision.usedFallback ? null : (decision.matchedRuleIds[0] ?? null),
      ...(placed.team !== undefined ? { team: placed.team } : {}),
      ...(placed.owner !== undefined ? { owner: placed.owner } : {}),
    };
    if (!decision.usedFallback) return found;
    fallback ??= found;
  }
  return fallback;
}
