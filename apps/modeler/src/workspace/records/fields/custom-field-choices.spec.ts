import { customFieldChoices } from './custom-field-choices';

describe("a custom field's choices", () => {
  it('given titled choices, when read, then each value with its title, in the schema order', () => {
    const shape = {
      type: 'string',
      oneOf: [
        { const: 'product-fit', title: 'Product fit' },
        { const: 'price', title: 'Price' },
      ],
    };
    expect(customFieldChoices(shape)).toEqual([
      { value: 'product-fit', label: 'Product fit' },
      { value: 'price', label: 'Price' },
    ]);
  });

  it('given a plain enum, as older schemas have, when read, then the values as written', () => {
    expect(customFieldChoices({ enum: [10, 50] })).toEqual([
      { value: 10, label: '10' },
      { value: 50, label: '50' },
    ]);
  });

  it('given no values, or choices the app cannot read, when read, then only what it can', () => {
    expect(customFieldChoices({})).toEqual([]);
    expect(customFieldChoices(undefined)).toEqual([]);
    expect(customFieldChoices({ oneOf: [{ const: 'a', title: ' ' }, { title: 'No value' }, 'b'] })).toEqual([{ value: 'a', label: 'a' }]);
  });
});
