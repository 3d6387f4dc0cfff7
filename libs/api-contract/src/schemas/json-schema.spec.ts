import { array, integer, named, nullable, object, optional, page, ref, string, stringEnum, uuid } from './json-schema.js';

interface Example {
  id: string;
  note: string | null;
  size?: number;
}

describe('object', () => {
  it('given required, nullable and optional properties, when built, then only the required ones are listed in required', () => {
    const schema = object<Example>({ id: uuid, note: nullable(string), size: optional(integer) });

    expect(schema).toEqual({
      type: 'object',
      properties: { id: { type: 'string', format: 'uuid' }, note: { type: ['string', 'null'] }, size: { type: 'integer' } },
      required: ['id', 'note'],
    });
  });

  it('given only optional properties, when built, then there is no required list', () => {
    expect(object<{ a?: string }>({ a: optional(string) })).toEqual({ type: 'object', properties: { a: { type: 'string' } } });
  });

  it('given a type, when the properties do not match it, then tsc refuses them', () => {
    // @ts-expect-error a property of the type is missing
    object<Example>({ id: uuid, note: nullable(string) });
    // @ts-expect-error a nullable property needs nullable()
    object<Example>({ id: uuid, note: string, size: optional(integer) });
    // @ts-expect-error a property without null must not be nullable()
    object<Example>({ id: nullable(uuid), note: nullable(string), size: optional(integer) });
    // @ts-expect-error an optional property needs optional()
    object<Example>({ id: uuid, note: nullable(string), size: integer });
    // @ts-expect-error a property the type does not have
    object<Example>({ id: uuid, note: nullable(string), size: optional(integer), extra: string });
    expect(true).toBe(true);
  });
});

describe('nullable', () => {
  it('given a typed schema, an enum and a schema without type, when made nullable, then null is accepted once', () => {
    expect(nullable(string)).toEqual({ type: ['string', 'null'] });
    expect(nullable(nullable(string))).toEqual({ type: ['string', 'null'] });
    expect(nullable(stringEnum(['a', 'b']))).toEqual({ type: ['string', 'null'], enum: ['a', 'b', null] });
    expect(nullable({ description: 'any JSON value' })).toEqual({ description: 'any JSON value' });
  });

  it('given a $ref, when made nullable, then it refuses', () => {
    expect(() => nullable({ $ref: 'https://stageflow.dev/schema/api/task.json' })).toThrow(/\$ref/);
  });
});

describe('named, ref and page', () => {
  it('given a named schema, when referenced and paged, then the page refers to it by $id', () => {
    const item = named<{ id: string }>('thing', { id: string });

    expect(ref(item)).toEqual({ $ref: 'https://stageflow.dev/schema/api/thing.json' });
    expect(page('thing-page', item)).toEqual({
      $id: 'https://stageflow.dev/schema/api/thing-page.json',
      type: 'object',
      properties: { items: array(ref(item)), total: integer, offset: integer, limit: integer },
      required: ['items', 'total', 'offset', 'limit'],
    });
  });
});
