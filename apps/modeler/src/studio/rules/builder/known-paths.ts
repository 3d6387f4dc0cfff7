// What the engine knows of the object facts a rule set can declare: `record` (the record an
// instance is about: its fields by record type, and `custom` with the deployed custom fields) and
// `params` (the package parameters). From the API contract's record types and the JSON Schemas the
// engine serves (custom-field schemas, parameter schemas).
import { RECORD_TYPES, type RecordFieldKind } from '@stageflow/api-contract';
import type { FactType } from '@stageflow/process-package';
import type { KnownPaths } from './builder-fields';

const KIND_TYPES: Readonly<Record<RecordFieldKind, FactType>> = {
  text: 'string',
  longText: 'string',
  enum: 'string',
  catalog: 'string',
  emails: 'array',
  phones: 'array',
  url: 'string',
  integer: 'number',
  decimal: 'number',
  currency: 'string',
  date: 'date',
  datetime: 'date',
  boolean: 'boolean',
  user: 'string',
  team: 'string',
  record: 'string',
  campaign: 'string',
  addresses: 'array',
};

/** The fact type of a JSON Schema property (a custom field, a parameter); undefined when it has no single type. */
export function factTypeOfSchema(schema: unknown): FactType | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const { type, format } = schema as { type?: unknown; format?: unknown };
  if (type === 'string') return format === 'date' || format === 'date-time' ? 'date' : 'string';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'boolean' || type === 'array' || type === 'object') return type;
  return undefined;
}

/** The properties of an object schema with their fact types (those without one left out). */
export function schemaPaths(schema: unknown, prefix = '$'): { path: string; type: FactType }[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const properties = (schema as { properties?: unknown }).properties;
  if (typeof properties !== 'object' || properties === null) return [];
  return Object.entries(properties as Record<string, unknown>).flatMap(([name, property]) => {
    const type = factTypeOfSchema(property);
    return type === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? [] : [{ path: `${prefix}.${name}`, type }];
  });
}

/** The fields of the record types a process is about (organization, contact, lead, opportunity), once each, with their types. */
export function recordFieldPaths(): { path: string; type: FactType }[] {
  const seen = new Map<string, FactType>();
  for (const name of ['lead', 'opportunity', 'organization', 'contact'] as const) {
    for (const field of RECORD_TYPES[name].fields) if (!seen.has(field.name)) seen.set(field.name, KIND_TYPES[field.kind]);
  }
  return [...seen].map(([name, type]) => ({ path: `$.${name}`, type }));
}

/** The known paths of `record` and `params`, from the custom-field schemas and the parameter schemas the engine serves. */
export function knownPaths(customFieldSchemas: readonly unknown[], parameterSchemas: readonly unknown[]): KnownPaths {
  const custom = new Map<string, FactType>();
  for (const schema of customFieldSchemas) for (const { path, type } of schemaPaths(schema, '$.custom')) if (!custom.has(path)) custom.set(path, type);
  const params = new Map<string, FactType>();
  for (const schema of parameterSchemas) for (const { path, type } of schemaPaths(schema)) if (!params.has(path)) params.set(path, type);
  return {
    record: [...recordFieldPaths(), ...[...custom].map(([path, type]) => ({ path, type }))],
    params: [...params].map(([path, type]) => ({ path, type })),
  };
}
