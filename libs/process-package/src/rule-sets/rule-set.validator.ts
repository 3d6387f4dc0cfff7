// Deploy-time check of a rule set: the schema, then what json-rules-engine would only notice
// while evaluating (unknown operators and facts, values of the wrong type, unsafe regexes),
// then duplicates and kind-specific rules. Every problem names its rule id (when inside a
// rule) and the path of the offending value.
import type { DeploymentProblem } from '../deployment/deployment-problem.js';
import { appendIndex, appendKey } from '../validation/issue-path.js';
import { compileLooseSchema } from '../validation/schema-compiler.js';
import { maxValidationIssues, validateWith } from '../validation/validate-with.js';
import type { ValidationIssue } from '../validation/validation-issue.js';
import { validateVariables } from '../variables/validate-variables.js';
import { forbiddenVariableKeys } from '../variables/variable-limits.js';
import { isOperatorName, operatorNames, operatorSignatures, type ComparedType } from './operator-signatures.js';
import { checkAction } from './check-action.js';
import {
  actionsResultSchema,
  assignmentResultSchema,
  classificationResultSchema,
  exitCriterionResultSchema,
  maxConditionDepth,
  maxConditionsPerRule,
  ruleSetSchema,
  territoryResultSchema,
} from './rule-set.schema.js';
import { nowFact, type FactType, type RuleSet, type RuleSetKind } from './rule-set.types.js';
import { readJsonResource } from '../validation/read-json-resource.js';

/** A problem of a rule set: where (`path`), in which rule (`ruleId`), and why. */
export interface RuleSetProblem extends ValidationIssue {
  ruleId?: string;
}

export type RuleSetParse = { ok: true; ruleSet: RuleSet } | { ok: false; problems: RuleSetProblem[] };

const envelope = compileLooseSchema<RuleSet>(ruleSetSchema);
const resultValidators = {
  territory: compileLooseSchema(territoryResultSchema),
  assignment: compileLooseSchema(assignmentResultSchema),
  classification: compileLooseSchema(classificationResultSchema),
  actions: compileLooseSchema(actionsResultSchema),
  exitCriteria: compileLooseSchema(exitCriterionResultSchema),
} as const;
const firstOnly: readonly RuleSetKind[] = ['territory', 'assignment'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses the text of a `*.rule-set.json` resource and validates it. */
export function parseRuleSet(text: string): RuleSetParse {
  const read = readJsonResource(text);
  if (!read.ok) return read;
  const value = read.value;
  const problems = validateRuleSet(value);
  return problems.length === 0 ? { ok: true, ruleSet: value as RuleSet } : { ok: false, problems };
}

/** Every problem of a rule set (at most `maxValidationIssues`); `[]` when it is valid. */
export function validateRuleSet(value: unknown): RuleSetProblem[] {
  const rules = isObject(value) && Array.isArray(value.rules) ? value.rules : [];
  const problems: RuleSetProblem[] = validateWith(envelope, value).map((issue) => withRuleId(issue, rules));
  if (!isObject(value)) return problems;
  const kind = typeof value.kind === 'string' && Object.hasOwn(resultValidators, value.kind) ? (value.kind as RuleSetKind) : undefined;
  const facts = declaredFacts(value.facts);

  if (kind !== undefined && firstOnly.includes(kind) && value.hitPolicy === 'all') {
    problems.push({ path: 'hitPolicy', message: `must be "first" for a ${kind} rule set (it decides one ${kind === 'territory' ? 'territory' : 'assignee'})` });
  }
  if (kind === 'territory' && value.fallback === undefined) {
    problems.push({ path: 'fallback', message: 'is required for a territory rule set (the territory of what no rule matches)' });
  }
  if (kind === 'exitCriteria' && value.hitPolicy === 'first') {
    problems.push({ path: 'hitPolicy', message: 'must be "all" for an exitCriteria rule set (a refused move lists every reason)' });
  }
  if (kind === 'exitCriteria' && value.fallback !== undefined) {
    problems.push({ path: 'fallback', message: 'is not allowed in an exitCriteria rule set (it would refuse every move that no rule refuses)' });
  } else if (kind !== undefined && value.fallback !== undefined) problems.push(...checkResult(kind, value.fallback, 'fallback'));

  if (isObject(value.facts)) {
    for (const name of Object.keys(value.facts).filter((key) => forbiddenVariableKeys.includes(key))) {
      problems.push({ path: appendKey('facts', name), message: 'is not allowed as a fact name' });
    }
  }

  const seen = new Map<string, number>();
  rules.forEach((rule: unknown, index: number) => {
    if (!isObject(rule)) return;
    const path = appendIndex('rules', index);
    const ruleId = typeof rule.id === 'string' ? rule.id : undefined;
    const found: ValidationIssue[] = [];
    if (ruleId !== undefined) {
      const first = seen.get(ruleId);
      if (first !== undefined) found.push({ path: `${path}.id`, message: `duplicates the id of rules[${first}]` });
      else seen.set(ruleId, index);
    }
    if (isObject(rule.conditions)) {
      if (!isBoolean(rule.conditions)) found.push({ path: `${path}.conditions`, message: 'must start with all, any or not' });
      checkConditions(rule.conditions, `${path}.conditions`, facts, found);
    }
    if (kind !== undefined && rule.result !== undefined) found.push(...checkResult(kind, rule.result, `${path}.result`));
    problems.push(...found.map((issue) => (ruleId === undefined ? issue : { ruleId, ...issue })));
  });
  return problems.slice(0, maxValidationIssues);
}

/** The problems as the `details` of a refused deployment, for the resource named `resource`. */
export function ruleSetDeploymentProblems(resource: string, problems: readonly RuleSetProblem[]): DeploymentProblem[] {
  return problems.map(({ ruleId, path, message }) => ({
    resource,
    ...(ruleId === undefined ? {} : { elementId: ruleId }),
    path,
    message: path === '' ? `the rule set ${message}` : `${path} ${message}`,
  }));
}

function withRuleId(issue: ValidationIssue, rules: unknown[]): RuleSetProblem {
  const match = /^rules\[(\d+)\]/.exec(issue.path);
  const rule = match ? rules[Number(match[1])] : undefined;
  return isObject(rule) && typeof rule.id === 'string' ? { ruleId: rule.id, ...issue } : issue;
}

function declaredFacts(facts: unknown): Map<string, FactType> {
  const declared = new Map<string, FactType>([[nowFact, 'date']]);
  if (!isObject(facts)) return declared;
  for (const [name, type] of Object.entries(facts)) {
    if (typeof type === 'string') declared.set(name, type as FactType);
  }
  return declared;
}

function isBoolean(condition: Json): boolean {
  return 'all' in condition || 'any' in condition || 'not' in condition;
}

function checkConditions(root: Json, rootPath: string, facts: Map<string, FactType>, found: ValidationIssue[]): void {
  let count = 0;
  const visit = (condition: unknown, path: string, depth: number): void => {
    if (!isObject(condition)) return; // the schema reported it
    count += 1;
    if (count === maxConditionsPerRule + 1) found.push({ path: rootPath, message: `must have at most ${maxConditionsPerRule} conditions` });
    if (depth > maxConditionDepth) {
      found.push({ path, message: `must not nest deeper than ${maxConditionDepth} levels` });
      return;
    }
    const forms = ['all', 'any', 'not', 'fact'].filter((key) => key in condition);
    if (forms.length !== 1) {
      found.push({ path, message: forms.length === 0 ? 'must have all, any, not or fact' : `must have only one of ${forms.join(', ')}` });
      return;
    }
    const [form] = forms;
    if (form === 'all' || form === 'any') {
      const children = condition[form];
      if (Array.isArray(children)) children.forEach((child, index) => visit(child, appendIndex(`${path}.${form}`, index), depth + 1));
      return;
    }
    if (form === 'not') {
      visit(condition.not, `${path}.not`, depth + 1);
      return;
    }
    checkFactCondition(condition, path, facts, found);
  };
  visit(root, rootPath, 1);
}

function checkFactCondition(condition: Json, path: string, facts: Map<string, FactType>, found: ValidationIssue[]): void {
  for (const required of ['operator', 'value']) {
    if (!(required in condition)) found.push({ path: appendKey(path, required), message: 'is required' });
  }
  const { fact, operator, value } = condition;
  const factType = typeof fact === 'string' ? facts.get(fact) : undefined;
  if (typeof fact === 'string' && factType === undefined) {
    found.push({ path: `${path}.fact`, message: `"${fact.slice(0, 100)}" is not declared in facts` });
  }
  if (typeof operator !== 'string') return;
  if (!isOperatorName(operator)) {
    found.push({ path: `${path}.operator`, message: `"${operator}" is not an operator (known: ${operatorNames.join(', ')})` });
    return;
  }
  const signature = operatorSignatures[operator];
  const hasPath = typeof condition.path === 'string';
  if (hasPath && forbiddenVariableKeys.some((key) => (condition.path as string).split(/[.[\]]/).includes(key))) {
    found.push({ path: `${path}.path`, message: `must not name ${forbiddenVariableKeys.join(', ')}` });
  }
  if (hasPath && factType !== undefined && factType !== 'object' && factType !== 'array') {
    found.push({ path: `${path}.path`, message: `needs an object or array fact, and "${String(fact)}" is a ${factType}` });
  }
  let compared: ComparedType = 'any';
  if (!hasPath && factType !== undefined) {
    if (!signature.factTypes.includes(factType)) {
      found.push({ path: `${path}.operator`, message: `${operator} does not compare a ${factType} fact (it takes ${signature.factTypes.join(', ')})` });
      return;
    }
    compared = factType;
  }
  if (!('value' in condition)) return;
  const problem = signature.checkValue(value, compared);
  if (problem !== undefined) found.push({ path: `${path}.value`, message: problem });
}

function checkResult(kind: RuleSetKind, result: unknown, path: string): ValidationIssue[] {
  const issues = validateWith(resultValidators[kind], result, path);
  if (issues.length > 0) return issues;
  if (kind === 'classification') return validateVariables(result, path);
  if (kind !== 'actions' || !isObject(result) || !Array.isArray(result.actions)) return [];
  return result.actions.flatMap((action: unknown, index: number) => checkAction(action, appendIndex(`${path}.actions`, index)));
}
