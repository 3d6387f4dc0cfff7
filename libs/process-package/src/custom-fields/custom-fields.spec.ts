import { compileCustomFieldSchema, parseCustomFieldSchema, validateCustomFieldSchema, type CustomFieldSchema } from './custom-fields.js';

const winReason = {
  type: 'string',
  title: 'Why we won',
  oneOf: [
    { const: 'price', title: 'Price' },
    { const: 'product-fit', title: 'Product fit' },
  ],
};
const schemaWith = (property: unknown) => ({ type: 'object', properties: { field: property } });

describe('custom-field titled choices (oneOf of const and title)', () => {
  it('given titled choices on a field and on list items, when checked, then they are accepted', () => {
    const parsed = parseCustomFieldSchema(
      JSON.stringify({
        type: 'object',
        properties: {
          winReason,
          size: { type: 'integer', oneOf: [{ const: 10, title: 'Ten' }] },
          tags: { type: 'array', items: { type: 'string', oneOf: [{ const: 'a', title: 'A' }] }, uniqueItems: true },
        },
      }),
    );
    expect(parsed).toEqual({ ok: true, schema: expect.objectContaining({ properties: expect.objectContaining({ winReason }) }) });
  });

  it('given a plain enum, as older packages deploy, when checked, then it is still accepted', () => {
    expect(validateCustomFieldSchema(schemaWith({ type: 'string', enum: ['price', 'speed'] }))).toEqual([]);
  });

  it('given malformed choices, when checked, then each problem is named by its path', () => {
    expect(
      validateCustomFieldSchema(
        schemaWith({
          type: 'string',
          oneOf: [
            { const: 'a', title: 'A' },
            { const: 'b' },
            { title: 'No value' },
            { const: 3, title: 'Three' },
            { const: 'a', title: 'Again', description: 'x' },
            'c',
          ],
        }),
      ),
    ).toEqual([
      { path: 'properties.field.oneOf[1].title', message: 'is required: the words shown for the value (plain enum lists values without words)' },
      { path: 'properties.field.oneOf[2].const', message: 'is required: the value stored' },
      { path: 'properties.field.oneOf[3].const', message: 'must be a string of at most 200 characters' },
      { path: 'properties.field.oneOf[4].description', message: 'is not allowed in a choice' },
      { path: 'properties.field.oneOf[5]', message: 'must be an object { "const": value, "title": words }' },
      { path: 'properties.field.oneOf', message: 'must not repeat a value' },
    ]);
  });

  it('given choices with enum, empty, or on a boolean, when checked, then they are refused', () => {
    expect(validateCustomFieldSchema(schemaWith({ type: 'string', enum: ['a'], oneOf: [{ const: 'a', title: 'A' }] }))).toEqual([
      { path: 'properties.field.oneOf', message: 'must not be given with enum: list the values either in enum or as titled choices in oneOf' },
    ]);
    expect(validateCustomFieldSchema(schemaWith({ type: 'string', oneOf: [] }))).toEqual([
      { path: 'properties.field.oneOf', message: 'must be a non-empty array' },
    ]);
    expect(validateCustomFieldSchema(schemaWith({ type: 'boolean', oneOf: [{ const: true, title: 'Yes' }] }))).toEqual([
      { path: 'properties.field.oneOf', message: 'is not allowed for a field of type boolean' },
    ]);
    expect(validateCustomFieldSchema(schemaWith({ type: 'integer', oneOf: [{ const: 1.5, title: 'One and a half' }] }))).toEqual([
      { path: 'properties.field.oneOf[0].const', message: 'must be an integer' },
    ]);
  });

  it('given a value outside the titled choices, when a record is checked, then one issue names the field and the values', () => {
    const check = compileCustomFieldSchema({
      type: 'object',
      properties: { winReason, tags: { type: 'array', items: { type: 'string', oneOf: [{ const: 'a', title: 'A' }] } } },
    } as CustomFieldSchema);
    expect(check({ winReason: 'product-fit', tags: ['a'] })).toEqual([]);
    expect(check({ winReason: 'luck', tags: ['b'] })).toEqual([
      { path: 'custom.winReason', message: 'must be one of "price", "product-fit"' },
      { path: 'custom.tags[0]', message: 'must be one of "a"' },
    ]);
  });
});
