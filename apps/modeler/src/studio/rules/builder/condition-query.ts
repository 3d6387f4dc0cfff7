// A rule's conditions (our rule-set format, the truth: json-rules-engine's all/any/not tree) as
// react-querybuilder's RuleGroupType and back. The builder shows groups with a combinator
// (`and` = all, `or` = any) and a NOT toggle, and comparisons of a field with a value:
//   {all: [...]}         <-> group 'and'            {any: [...]} <-> group 'or'
//   {not: {all|any: ...}} <-> that group with not    {not: c}     <-> group 'and' with not and c alone
// A tree the builder would write back differently (e.g. {not: {all: [c]}}, which reads back as
// {not: c}) or that is no condition at all is "not representable": the JSON view edits it, so
// opening a rule in the builder never changes it behind the analyst's back.
import type { BooleanCondition, Condition, FactCondition, JsonValue, OperatorName } from '@stageflow/process-package';
import type { RuleGroupType, RuleType } from 'react-querybuilder';
import { fieldOf, targetOf } from './condition-field';

export type QueryConversion = { ok: true; query: RuleGroupType } | { ok: false; reason: string };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Thrown inside the conversion: the message says what the builder cannot show. */
class NotRepresentable extends Error {}

function factCondition(value: Json, where: string): FactCondition {
  const allowed = ['fact', 'operator', 'value', 'path'];
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  if (extra !== undefined) throw new NotRepresentable(`${where} has "${extra}", which a comparison does not have`);
  if (typeof value.fact !== 'string' || value.fact === '') throw new NotRepresentable(`${where}.fact must be a fact name`);
  if (typeof value.operator !== 'string' || value.operator === '') throw new NotRepresentable(`${where}.operator must be an operator`);
  if (!Object.hasOwn(value, 'value')) throw new NotRepresentable(`${where}.value is missing`);
  if (value.path !== undefined && typeof value.path !== 'string') throw new NotRepresentable(`${where}.path must be a path such as $.name`);
  return value as unknown as FactCondition;
}

function ruleOf(condition: FactCondition): RuleType {
  return { field: fieldOf(condition), operator: condition.operator, value: structuredClone(condition.value) };
}

function groupOf(condition: Json, where: string): RuleGroupType {
  const keys = Object.keys(condition);
  if (keys.length !== 1) throw new NotRepresentable(`${where} must have exactly one of all, any, not`);
  if (Array.isArray(condition.all)) return { combinator: 'and', rules: condition.all.map((child, i) => nodeOf(child, `${where}.all[${i}]`)) };
  if (Array.isArray(condition.any)) return { combinator: 'or', rules: condition.any.map((child, i) => nodeOf(child, `${where}.any[${i}]`)) };
  if (isObject(condition.not)) {
    const inner = condition.not;
    if ('fact' in inner) return { combinator: 'and', not: true, rules: [ruleOf(factCondition(inner, `${where}.not`))] };
    return { ...groupOf(inner, `${where}.not`), not: true };
  }
  throw new NotRepresentable(`${where} must be all or any (a list) or not (a condition)`);
}

function nodeOf(condition: unknown, where: string): RuleType | RuleGroupType {
  if (!isObject(condition)) throw new NotRepresentable(`${where} must be a condition object`);
  return 'fact' in condition ? ruleOf(factCondition(condition, where)) : groupOf(condition, where);
}

/** The builder's query of a rule's conditions, or why the builder cannot show them. */
export function conditionsToQuery(conditions: unknown): QueryConversion {
  try {
    if (!isObject(conditions) || 'fact' in conditions) throw new NotRepresentable('conditions must be all, any or not at the top');
    const query = groupOf(conditions, 'conditions');
    const back = queryToConditions(query);
    if (!sameJson(back, conditions)) throw new NotRepresentable('the builder would write these conditions differently; edit them as JSON');
    return { ok: true, query };
  } catch (error) {
    if (error instanceof NotRepresentable) return { ok: false, reason: error.message };
    throw error;
  }
}

function conditionOfRule(rule: RuleType): FactCondition {
  const target = targetOf(rule.field);
  const condition: FactCondition = { fact: target.fact, operator: rule.operator as OperatorName, value: (rule.value ?? null) as JsonValue };
  return target.path === undefined ? condition : { ...condition, path: target.path };
}

function conditionOfNode(node: RuleType | RuleGroupType): Condition {
  return 'rules' in node ? queryToConditions(node) : conditionOfRule(node);
}

/** The rule-set conditions a builder query stands for (its ids and paths dropped). */
export function queryToConditions(query: RuleGroupType): BooleanCondition {
  const children = query.rules.filter((node): node is RuleType | RuleGroupType => typeof node !== 'string');
  const group: BooleanCondition = query.combinator === 'or' ? { any: children.map(conditionOfNode) } : { all: children.map(conditionOfNode) };
  if (!query.not) return group;
  const only = children.length === 1 ? children[0] : undefined;
  if (only !== undefined && !('rules' in only) && query.combinator !== 'or') return { not: conditionOfRule(only) };
  return { not: group };
}

/** Equal as JSON values: key order of objects does not matter, array order does. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((key) => a[key] !== undefined);
    const other = Object.keys(b).filter((key) => b[key] !== undefined);
    return keys.length === other.length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
  }
  return a === b;
}
