// The request JSON Schemas of @stageflow/process-package (ajv, draft-07) as OpenAPI 3.0 schema
// objects: the body a validator accepts is the body the docs describe, from one source.
// OpenAPI 3.0 has no `$id` and no local `definitions`, so local `$ref`s are inlined.
import type { SchemaObject } from '@nestjs/swagger';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const DROPPED = new Set(['$id', '$schema', 'definitions', '$defs']);

function inline(node: Json, definitions: Record<string, Json>, seen: readonly string[]): Json {
  if (Array.isArray(node)) return node.map((item) => inline(item, definitions, seen));
  if (node === null || typeof node !== 'object') return node;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const match = /^#\/(?:definitions|\$defs)\/([^/]+)$/.exec(ref);
    const target = match ? definitions[match[1]!] : undefined;
    if (!match || target === undefined) throw new Error(`cannot inline ${ref}: only local definitions are supported`);
    if (seen.includes(ref)) throw new Error(`cannot inline the recursive ${ref}`);
    return inline(target, definitions, [...seen, ref]);
  }
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key)) continue;
    // `required: []` is valid JSON Schema but not valid OpenAPI 3.0 (it needs at least one name).
    if (key === 'required' && Array.isArray(value) && value.length === 0) continue;
    out[key] = inline(value, definitions, seen);
  }
  return out;
}

/** An OpenAPI 3.0 schema object for a process-package request schema. */
export function requestSchema(jsonSchema: object): SchemaObject {
  const root = jsonSchema as { [key: string]: Json };
  const definitions = { ...((root.definitions ?? {}) as Record<string, Json>), ...((root.$defs ?? {}) as Record<string, Json>) };
  return inline(root, definitions, []) as SchemaObject;
}
