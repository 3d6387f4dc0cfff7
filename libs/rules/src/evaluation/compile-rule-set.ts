// The fast evaluator: each rule-set version's conditions are compiled once into plain closures
// over an array of fact values, evaluated synchronously with no json-rules-engine, promise or
// clone on the way. `decide` short-circuits (first failing condition of an all, first hit of a
// `first` set); `explain` evaluates every condition like json-rules-engine does (conditions of
// one group run together) and gives the same explanation as the reference evaluator.
import { nowFact, type Condition, type FactCondition, type JsonValue, type RuleSet } from '@stageflow/process-package';
import type { FactResolver } from '../facts/fact-resolver.js';
import { operatorCatalog } from '../operators/operator-catalog.js';
import { decisionOf } from './decide.js';
import type { ConditionExplanation, RuleSetDecision, RuleSetEvaluation } from './evaluation.types.js';
import { compilePath } from './json-path.js';
import { defaultPriority, orderRules } from './rule-order.js';

type Test = (facts: unknown[], now: number) => boolean;
type Explain = (facts: unknown[], now: number) => ConditionExplanation;

interface CompiledRule {
  id: string;
  priority: number;
  result: JsonValue;
  test: Test;
  explain: Explain;
}

export interface CompiledRuleSet {
  readonly ruleSet: RuleSet;
  /** The decision only: the hot path of a business-rule task. */
  decide(facts: FactResolver, now: Date): RuleSetDecision;
  /** The decision and why: the same answer as json-rules-engine (the dry run can use either). */
  explain(facts: FactResolver, now: Date): RuleSetEvaluation;
}

/** A rule set's facts in slots: `$now` first, then the declared facts. */
function factSlots(ruleSet: RuleSet): string[] {
  return [nowFact, ...Object.keys(ruleSet.facts).filter((name) => name !== nowFact)];
}

/** The fact value a condition compares, as json-rules-engine reads it (a path only into objects). */
function compileRead(condition: FactCondition, slot: number): (facts: unknown[]) => unknown {
  if (condition.path === undefined) return (facts) => facts[slot];
  const read = compilePath(condition.path);
  return (facts) => {
    const value = facts[slot];
    return value !== null && typeof value === 'object' ? read(value) : value;
  };
}

function compileTest(condition: Condition, slots: Map<string, number>): Test {
  if ('all' in condition) {
    const children = condition.all.map((child) => compileTest(child, slots));
    if (children.length === 1) return children[0];
    return (facts, now) => {
      for (const child of children) if (!child(facts, now)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const children = condition.any.map((child) => compileTest(child, slots));
    if (children.length === 1) return children[0];
    return (facts, now) => {
      for (const child of children) if (child(facts, now)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const child = compileTest(condition.not, slots);
    return (facts, now) => !child(facts, now);
  }
  const read = compileRead(condition, slotOf(condition, slots));
  const test = operatorCatalog[condition.operator].compile(condition.value);
  return (facts, now) => test(read(facts), now);
}

function compileExplain(condition: Condition, slots: Map<string, number>): Explain {
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition;
    const children = (isAll ? condition.all : condition.any).map((child) => compileExplain(child, slots));
    return (facts, now) => {
      const explained = children.map((child) => child(facts, now));
      const passed = isAll ? explained.every((child) => child.passed) : explained.some((child) => child.passed);
      return isAll ? { all: explained, passed } : { any: explained, passed };
    };
  }
  if ('not' in condition) {
    const child = compileExplain(condition.not, slots);
    return (facts, now) => {
      const explained = child(facts, now);
      return { not: explained, passed: !explained.passed };
    };
  }
  const read = compileRead(condition, slotOf(condition, slots));
  const test = operatorCatalog[condition.operator].compile(condition.value);
  const { fact, path, operator, value } = condition;
  return (facts, now) => {
    const factValue = read(facts);
    return { fact, ...(path === undefined ? {} : { path }), operator, value, factValue, passed: test(factValue, now) };
  };
}

function slotOf(condition: FactCondition, slots: Map<string, number>): number {
  const slot = slots.get(condition.fact);
  // validateRuleSet refuses undeclared facts; a rule set that skipped it fails here, at compile time.
  if (slot === undefined) throw new Error(`fact "${condition.fact}" is not declared in the rule set`);
  return slot;
}

/** Compiles a valid rule set (see validateRuleSet) once; evaluate it as often as needed. */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const names = factSlots(ruleSet);
  const slots = new Map(names.map((name, index) => [name, index]));
  const rules: CompiledRule[] = orderRules(ruleSet).map((rule) => ({
    id: rule.id,
    priority: rule.priority ?? defaultPriority,
    result: rule.result as unknown as JsonValue,
    test: compileTest(rule.conditions, slots),
    explain: compileExplain(rule.conditions, slots),
  }));
  const firstOnly = ruleSet.hitPolicy === 'first';

  const load = (resolver: FactResolver, now: Date): unknown[] => {
    const facts = new Array<unknown>(names.length);
    facts[0] = now.toISOString();
    for (let i = 1; i < names.length; i++) facts[i] = resolver.resolve(names[i]);
    return facts;
  };

  return {
    ruleSet,
    decide(resolver, now) {
      const facts = load(resolver, now);
      const at = now.getTime();
      const matched: CompiledRule[] = [];
      for (const rule of rules) {
        if (!rule.test(facts, at)) continue;
        matched.push(rule);
        if (firstOnly) break;
      }
      return decisionOf(ruleSet, matched);
    },
    explain(resolver, now) {
      const facts = load(resolver, now);
      const at = now.getTime();
      const explained = rules.map((rule) => {
        const conditions = rule.explain(facts, at);
        return { id: rule.id, priority: rule.priority, matched: conditions.passed, conditions };
      });
      const matched = rules.filter((_, index) => explained[index].matched);
      return { ...decisionOf(ruleSet, matched), rules: explained };
    },
  };
}
