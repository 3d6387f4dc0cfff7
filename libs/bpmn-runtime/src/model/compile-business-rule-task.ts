// Deploy-time checks of a business-rule task: `stageflow:ruleSet` names the rule set to
// evaluate, as a literal key (the engine checks at deploy that the key is in the deployment or
// already deployed — a FEEL key could only fail at run time); `stageflow:resultVariable` names
// the variable that receives the decision (default: the key).
import type { ModdleElement } from 'bpmn-moddle';
import type { BusinessRuleSpec } from './process-graph.js';

/** The rule-set key format (process-package's rule-set schema `key`). */
export const RULE_SET_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
/** Variable names a result may not take: they would reach an object's prototype. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** A name an attribute may write a variable under: a literal without blanks that reaches no prototype. */
export function isVariableName(name: string): boolean {
  return !name.startsWith('=') && !/\s/.test(name) && !FORBIDDEN_NAMES.has(name);
}

export function checkBusinessRuleTask(element: ModdleElement): { ok: true; spec: BusinessRuleSpec } | { ok: false; message: string } {
  const rawKey = element.ruleSet;
  const key = typeof rawKey === 'string' ? rawKey.trim() : '';
  if (key === '') return { ok: false, message: 'A business-rule task needs stageflow:ruleSet: the key of the rule set it evaluates' };
  if (key.startsWith('=')) {
    return { ok: false, message: `stageflow:ruleSet must be a rule-set key, not an expression ('${key}'): the engine checks the key at deploy` };
  }
  if (!RULE_SET_KEY.test(key)) {
    return { ok: false, message: `stageflow:ruleSet '${key}' is not a rule-set key (letters, digits, _ . -; at most 100 characters)` };
  }
  const rawResult = element.resultVariable;
  const resultVariable = typeof rawResult === 'string' && rawResult.trim() !== '' ? rawResult.trim() : key;
  if (!isVariableName(resultVariable)) {
    return { ok: false, message: `stageflow:resultVariable '${resultVariable}' is not a variable name` };
  }
  return { ok: true, spec: { ruleSet: key, resultVariable } };
}
