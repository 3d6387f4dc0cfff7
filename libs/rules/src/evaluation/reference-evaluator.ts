// The reference semantics: a rule set evaluated by json-rules-engine itself (>= 7.3.1: older
// versions carry CVE-2024-21534 through jsonpath-plus). Used for the dry run, where the analyst
// sees why, and as the oracle the compiled evaluator is tested against. Asynchronous and
// slower (a promise per condition, conditions deep-cloned per run): not for the hot path.
import { Engine, type EngineResult, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import { nowFact, type Condition, type JsonValue, type Rule, type RuleSet } from '@stageflow/process-package';
import type { FactResolver } from '../facts/fact-resolver.js';
import { allOperators, operatorsUsingNow } from '../operators/operator-catalog.js';
import { decisionOf } from './decide.js';
import type { ConditionExplanation, RuleExplanation, RuleSetEvaluation } from './evaluation.types.js';
import { defaultPriority, orderRules } from './rule-order.js';

/**
 * json-rules-engine operators see (fact value, condition value) only. A condition whose operator
 * needs `now` gets as value a reference to this dynamic fact, which returns {value, now}: `now`
 * travels with each run's facts, so concurrent runs with different instants cannot mix.
 */
const withNowFact = '$operandWithNow';

interface WithNow {
  value: unknown;
  now: string;
}

type JreCondition = Record<string, unknown>;

function toEngineCondition(condition: Condition): JreCondition {
  if ('all' in condition) return { all: condition.all.map(toEngineCondition) };
  if ('any' in condition) return { any: condition.any.map(toEngineCondition) };
  if ('not' in condition) return { not: toEngineCondition(condition.not) };
  const value = operatorsUsingNow.has(condition.operator) ? { fact: withNowFact, params: { value: condition.value } } : condition.value;
  return { fact: condition.fact, operator: condition.operator, value, ...(condition.path === undefined ? {} : { path: condition.path }) };
}

/** Our explanation of a condition from json-rules-engine's annotated copy (`result`, `factResult`). */
function explain(condition: Condition, annotated: JreCondition, passed?: boolean): ConditionExplanation {
  const result = passed ?? annotated.result === true;
  if ('all' in condition) return { all: condition.all.map((child, i) => explain(child, (annotated.all as JreCondition[])[i])), passed: result };
  if ('any' in condition) return { any: condition.any.map((child, i) => explain(child, (annotated.any as JreCondition[])[i])), passed: result };
  if ('not' in condition) return { not: explain(condition.not, annotated.not as JreCondition), passed: result };
  return {
    fact: condition.fact,
    ...(condition.path === undefined ? {} : { path: condition.path }),
    operator: condition.operator,
    value: condition.value,
    factValue: annotated.factResult,
    passed: result,
  };
}

export class ReferenceEvaluator {
  private readonly engine: Engine;
  private readonly ordered: Array<Rule<unknown>>;
  private readonly factNames: string[];

  constructor(private readonly ruleSet: RuleSet) {
    // Undefined facts evaluate as undefined instead of throwing: a lead without `industry`
    // simply fails `industry in [...]`. Unknown facts are refused at deploy instead.
    this.engine = new Engine([], { allowUndefinedFacts: true });
    for (const operator of allOperators) {
      const test = operator.test;
      if (operatorsUsingNow.has(operator.name)) {
        this.engine.addOperator<unknown, WithNow>(operator.name, (factValue, operand) => test(factValue, operand.value, Date.parse(operand.now)));
      } else {
        this.engine.addOperator<unknown, unknown>(operator.name, (factValue, value) => test(factValue, value, Number.NaN));
      }
    }
    this.engine.addFact<Promise<WithNow>>(
      withNowFact,
      async (params, almanac) => ({ value: (params as { value: unknown }).value, now: await almanac.factValue<string>(nowFact) }),
      { cache: false },
    );
    for (const rule of ruleSet.rules) {
      this.engine.addRule({
        name: rule.id,
        priority: rule.priority ?? defaultPriority,
        conditions: toEngineCondition(rule.conditions) as unknown as TopLevelCondition,
        event: { type: 'matched' },
      });
    }
    this.ordered = orderRules(ruleSet);
    this.factNames = Object.keys(ruleSet.facts);
  }

  /** json-rules-engine's own run, without our explanation (for benchmarks and debugging). */
  run(facts: FactResolver, now: Date): Promise<EngineResult> {
    const runtimeFacts: Record<string, unknown> = { [nowFact]: now.toISOString() };
    for (const name of this.factNames) {
      const value = facts.resolve(name);
      if (value !== undefined) runtimeFacts[name] = value;
    }
    return this.engine.run(runtimeFacts);
  }

  async evaluate(facts: FactResolver, now: Date): Promise<RuleSetEvaluation> {
    const { results, failureResults } = await this.run(facts, now);
    const byName = new Map<string, RuleResult>([...results, ...failureResults].map((result) => [String(result.name), result]));
    const rules: RuleExplanation[] = this.ordered.map((rule) => {
      const outcome = byName.get(rule.id);
      if (outcome === undefined) throw new Error(`json-rules-engine returned no result for rule ${rule.id}`);
      const matched = outcome.result === true;
      const conditions = outcome.conditions as unknown as JreCondition;
      return { id: rule.id, priority: rule.priority ?? defaultPriority, matched, conditions: explain(rule.conditions, conditions, matched) };
    });
    const matched = this.ordered.filter((_, index) => rules[index].matched).map((rule) => ({ id: rule.id, result: rule.result as unknown as JsonValue }));
    return { ...decisionOf(this.ruleSet, matched), rules };
  }
}
