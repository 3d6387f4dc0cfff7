// The JSON Schemas of @stageflow/api-contract (ajv, draft-07) as OpenAPI 3.0 schema objects:
// the body a validator accepts and the answer a client reads are what the docs describe, from
// one source. OpenAPI 3.0 has no `$id`, no local `definitions` and no type lists, so:
// - a `$ref` to a named schema of the contract (by its `$id`) becomes `#/components/schemas/<name>`;
//   local `$ref`s (`#/definitions/x`) are inlined;
// - `type: [X, 'null']` becomes `type: X, nullable: true`, and a schema without a type (any
//   JSON value, null included) gets `nullable: true`;
// - `$id`, `$schema`, `definitions` and an empty `required` are dropped.
import type { SchemaObject } from '@nestjs/swagger';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const DROPPED = new Set(['$id', '$schema', 'definitions', '$defs']);
/** Keywords whose value is a schema. */
const SCHEMA_VALUED = new Set(['items', 'additionalProperties', 'not']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
/** Keywords that say what a value may be: a schema with none of them accepts anything, null included. */
const CONSTRAINS_TYPE = ['type', '$ref', 'enum', 'allOf', 'anyOf', 'oneOf', 'not'];

interface Context {
  definitions: Record<string, Json>;
  /** `$id` -> component name of the named schemas. */
  names: ReadonlyMap<string, string>;
  seen: readonly string[];
}

function convert(node: Json, context: Context): Json {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const name = context.names.get(ref);
    if (name !== undefined) return { $ref: `#/components/schemas/${name}` };
    const match = /^#\/(?:definitions|\$defs)\/([^/]+)$/.exec(ref);
    const target = match ? context.definitions[match[1]!] : undefined;
    if (!match || target === undefined) throw new Error(`cannot inline ${ref}: only local definitions and named schemas are supported`);
    if (context.seen.includes(ref)) throw new Error(`cannot inline the recursive ${ref}`);
    return convert(target, { ...context, seen: [...context.seen, ref] });
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key)) continue;
    // `required: []` is valid JSON Schema but not valid OpenAPI 3.0 (it needs at least one name).
    if (key === 'required' && Array.isArray(value) && value.length === 0) continue;
    if (key === 'type' && Array.isArray(value)) {
      const types = value.filter((type) => type !== 'null');
      if (types.length !== 1) throw new Error(`cannot express type ${JSON.stringify(value)} in OpenAPI 3.0`);
      out.type = types[0]!;
      if (types.length < value.length) out.nullable = true;
    } else if (key === 'properties' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, convert(schema, context)]));
    } else if (SCHEMA_VALUED.has(key)) {
      out[key] = convert(value, context);
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((schema) => convert(schema, context));
    } else {
      out[key] = value;
    }
  }
  if (!CONSTRAINS_TYPE.some((keyword) => keyword in node)) out.nullable = true;
  if (Array.isArray(out.enum) && out.nullable === true) out.enum = out.enum.filter((value) => value !== null);
  return out;
}

/**
 * An OpenAPI 3.0 schema object for a JSON Schema of the contract. `names` maps the `$id` of
 * each named schema to its component name, so references between them stay references.
 */
export function requestSchema(jsonSchema: object, names: ReadonlyMap<string, string> = new Map()): SchemaObject {
  const root = jsonSchema as JsonObject;
  const definitions = { ...((root.definitions ?? {}) as Record<string, Json>), ...((root.$defs ?? {}) as Record<string, Json>) };
  return convert(root, { definitions, names, seen: [] }) as SchemaObject;
}

/** The components/schemas of the OpenAPI document for a table of named JSON Schemas. */
export function openApiSchemas<Name extends string>(table: Readonly<Record<Name, object>>): Record<Name, SchemaObject> {
  const names = new Map<string, string>();
  for (const [name, schema] of Object.entries<object>(table)) {
    const id = (schema as { $id?: unknown }).$id;
    if (typeof id === 'string') names.set(id, name);
  }
  const converted = {} as Record<Name, SchemaObject>;
  for (const name of Object.keys(table) as Name[]) converted[name] = requestSchema(table[name], names);
  return converted;
}
