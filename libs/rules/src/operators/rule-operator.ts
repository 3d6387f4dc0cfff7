// An operator of rule conditions, in the two forms the two evaluators need:
// `test` is what json-rules-engine calls (fact value, condition value) on every evaluation;
// `compile` turns a condition's value into a closure once per rule-set version (a Set for a
// long list, a RegExp for a pattern, a formatter for a time zone) for the compiled evaluator.
// The property spec checks that both give the same answers.
import type { OperatorName } from '@stageflow/process-package';

/** A compiled test: the fact's value and the evaluation instant (ms since the epoch). */
export type OperatorTest = (factValue: unknown, now: number) => boolean;

export interface RuleOperator {
  name: OperatorName;
  test(factValue: unknown, value: unknown, now: number): boolean;
  compile(value: unknown): OperatorTest;
}

/** An operator whose compiled form is just its test with the value bound. */
export function simpleOperator(name: OperatorName, test: (factValue: unknown, value: unknown, now: number) => boolean): RuleOperator {
  return { name, test, compile: (value) => (factValue, now) => test(factValue, value, now) };
}
