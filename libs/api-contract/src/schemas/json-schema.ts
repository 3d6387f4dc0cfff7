// The JSON Schema (draft-07) building blocks of the response contracts, typed so that a schema
// and the TypeScript type written beside it cannot drift apart on their shape: `object<T>()`
// takes exactly T's property names, optional properties through `optional()` and nullable
// ones through `nullable()`, and tsc refuses anything else. Value types are checked by the
// contract specs, which validate typed example objects (and the API tests real answers).

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';

/** The JSON Schema keywords the contracts use (all of them also valid in OpenAPI 3.0 once converted). */
export interface JsonSchema {
  readonly $id?: string;
  readonly $ref?: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: JsonType | readonly JsonType[];
  readonly format?: string;
  readonly enum?: readonly (string | number | boolean | null)[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly minProperties?: number;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  /** Never set: tells a plain schema from an `optional()` property. */
  readonly optionalProperty?: never;
}

declare const nullMark: unique symbol;

/** A schema that also accepts null: for a property typed `X | null`. */
export type NullableSchema = JsonSchema & { readonly [nullMark]: true };
/** A schema that refuses null: for a property whose type has no null. */
export type NonNullSchema = JsonSchema & { readonly [nullMark]?: never };
/** A property that may be absent: for a property declared `name?: X`. */
export interface OptionalProperty<S extends JsonSchema = JsonSchema> {
  readonly optionalProperty: S;
}

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
type SchemaOf<V> = null extends V ? NullableSchema : NonNullSchema;

/** The property schemas of T: every name of T, no other; optional and nullable exactly where T says. */
export type PropertiesOf<T> = {
  [K in keyof T]-?: K extends OptionalKeys<T> ? OptionalProperty<SchemaOf<Exclude<T[K], undefined>>> : SchemaOf<T[K]>;
};

/** An object schema for T (the type is a phantom: it is what `object<T>()` was checked against). */
export type ObjectSchema<T> = NonNullSchema & {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly '~type'?: T;
};

/** An object schema with an `$id`: a named schema of the contract, which others `ref()`. */
export type NamedSchema<T> = ObjectSchema<T> & { readonly $id: string };

/** The `$id` of a schema of this API: `https://stageflow.dev/schema/api/<name>.json`. */
export function apiSchemaId(name: string): string {
  return `https://stageflow.dev/schema/api/${name}.json`;
}

export const string: NonNullSchema = { type: 'string' };
export const integer: NonNullSchema = { type: 'integer' };
export const boolean: NonNullSchema = { type: 'boolean' };
export const uuid: NonNullSchema = { type: 'string', format: 'uuid' };
export const instant: NonNullSchema = { type: 'string', format: 'date-time' };
/** Process variables (or facts): a JSON object of name -> JSON value. */
export const variables: NonNullSchema = { type: 'object', additionalProperties: true, description: 'Process variables: name -> JSON value.' };
/** A JSON object whose content this contract does not describe. */
export const anyObject: NonNullSchema = { type: 'object', additionalProperties: true };

/** `schema` plus a description (or other keywords) of this use of it. */
export function described<S extends JsonSchema>(schema: S, keywords: string | JsonSchema): S {
  return { ...schema, ...(typeof keywords === 'string' ? { description: keywords } : keywords) };
}

/** A string of one of `values`. */
export function stringEnum<const V extends string>(values: readonly V[], description?: string): NonNullSchema {
  return { type: 'string', enum: values, ...(description === undefined ? {} : { description }) };
}

/** `schema` that also accepts null. A schema without a type accepts null already. */
export function nullable(schema: JsonSchema): NullableSchema {
  if (schema.$ref !== undefined) throw new Error('nullable() of a $ref is not supported');
  const { type, enum: values } = schema;
  const types = type === undefined ? undefined : Array.isArray(type) ? type : [type];
  return {
    ...schema,
    ...(types === undefined || types.includes('null') ? {} : { type: [...types, 'null'] }),
    ...(values === undefined || values.includes(null) ? {} : { enum: [...values, null] }),
  } as NullableSchema;
}

/** A property that may be absent. */
export function optional<S extends JsonSchema>(schema: S): OptionalProperty<S> {
  return { optionalProperty: schema };
}

export function array(items: JsonSchema, keywords: JsonSchema = {}): NonNullSchema {
  return { type: 'array', items, ...keywords } as NonNullSchema;
}

/** A reference to a named schema of the contract (the OpenAPI document turns it into a component $ref). */
export function ref(schema: { readonly $id: string }): NonNullSchema {
  return { $ref: schema.$id };
}

/**
 * The schema of an object of type T: `required` lists every property not wrapped in `optional()`.
 * Objects stay open (no `additionalProperties: false`): a client reads what it knows.
 */
export function object<T>(properties: PropertiesOf<T>, keywords: { $id?: string; title?: string; description?: string } = {}): ObjectSchema<T> {
  const schemas: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, property] of Object.entries(properties as Record<string, JsonSchema | OptionalProperty>)) {
    if ('optionalProperty' in property && property.optionalProperty !== undefined) {
      schemas[name] = property.optionalProperty;
    } else {
      schemas[name] = property as JsonSchema;
      required.push(name);
    }
  }
  return { ...keywords, type: 'object', properties: schemas, ...(required.length > 0 ? { required } : {}) } as ObjectSchema<T>;
}

/** A named object schema: `object<T>()` with the `$id` of `name`. */
export function named<T>(name: string, properties: PropertiesOf<T>, keywords: { title?: string; description?: string } = {}): NamedSchema<T> {
  return object<T>(properties, { $id: apiSchemaId(name), ...keywords }) as NamedSchema<T>;
}

/** One page of a list: `items` and where they are in the whole. */
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** The named schema of a page of `item`s. */
export function page<T>(name: string, item: NamedSchema<T>): NamedSchema<Page<T>> {
  return named<Page<T>>(name, { items: array(ref(item)), total: integer, offset: integer, limit: integer });
}

/** A list answered whole: `{ items }`. */
export interface ItemList<T> {
  items: T[];
}

/** The named schema of a whole list of `item`s. */
export function list<T>(name: string, item: NamedSchema<T>): NamedSchema<ItemList<T>> {
  return named<ItemList<T>>(name, { items: array(ref(item)) });
}
