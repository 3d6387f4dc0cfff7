// The fields the condition builder offers: every declared fact, and inside the object facts the
// paths the engine knows — a record's fields and custom fields under `record`, a package's
// parameters under `params` — each with the type that decides which operators fit.
import { operatorNames, operatorSignatures, type FactType, type OperatorName } from '@stageflow/process-package';
import { fieldOf, targetOf } from './condition-field';

/** A fact's declared type; `any` behind a path the engine does not know the type of. */
export type FieldType = FactType | 'any';

export interface BuilderField {
  /** The builder's field: fact + path (`record.industry`). */
  name: string;
  type: FieldType;
}

/** Known paths inside object facts, by fact name: `{record: [{path: '$.industry', type: 'string'}]}`. */
export type KnownPaths = Readonly<Record<string, readonly { path: string; type: FactType }[]>>;

/** `$now`: the evaluation's instant, usable without a declaration. */
const NOW: BuilderField = { name: '$now', type: 'date' };

/**
 * The builder's fields: each declared fact, then for object and array facts the known paths
 * inside them, then `$now`, then any field a condition already uses that is none of these (so
 * an unknown path still shows as what it is).
 */
export function builderFields(facts: Readonly<Record<string, FactType>>, known: KnownPaths, used: readonly string[] = []): BuilderField[] {
  const fields: BuilderField[] = [];
  for (const [fact, type] of Object.entries(facts)) {
    fields.push({ name: fact, type });
    if (type === 'object' || type === 'array') for (const sub of known[fact] ?? []) fields.push({ name: fieldOf({ fact, path: sub.path }), type: sub.type });
  }
  fields.push(NOW);
  const names = new Set(fields.map((field) => field.name));
  for (const name of used) {
    if (names.has(name)) continue;
    names.add(name);
    const target = targetOf(name);
    fields.push({ name, type: target.path === undefined ? (facts[target.fact] ?? 'any') : 'any' });
  }
  return fields;
}

/** The operators that compare a field of `type` (behind a path: every operator, as the validator allows). */
export function operatorsFor(type: FieldType): OperatorName[] {
  if (type === 'any') return [...operatorNames];
  return operatorNames.filter((name) => operatorSignatures[name].factTypes.includes(type));
}

/** Every field a condition tree names, in order of appearance. */
export function usedFields(conditions: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.fact === 'string') found.push(fieldOf({ fact: record.fact, path: typeof record.path === 'string' ? record.path : undefined }));
    for (const key of ['all', 'any'] as const) if (Array.isArray(record[key])) (record[key] as unknown[]).forEach(walk);
    if (record.not !== undefined) walk(record.not);
  };
  walk(conditions);
  return found;
}
