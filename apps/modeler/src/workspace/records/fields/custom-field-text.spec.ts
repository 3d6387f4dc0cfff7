import { customFieldText, customFieldTitle, type CustomFieldWords } from './custom-field-text';

const words: CustomFieldWords = { yes: 'yes', no: 'no', none: '—' };

describe("a custom field's title and value in words", () => {
  it('given a field with a title and one without, when titled, then the title, else the name', () => {
    expect(customFieldTitle('winReason', { type: 'string', title: 'Why we won' })).toBe('Why we won');
    expect(customFieldTitle('winReason', { type: 'string', title: ' ' })).toBe('winReason');
    expect(customFieldTitle('legacy', undefined)).toBe('legacy');
  });

  it('given titled choices, when a value is shown, then by its title; a value outside them as written', () => {
    const shape = {
      type: 'string',
      oneOf: [
        { const: 'product-fit', title: 'Product fit' },
        { const: 'speed', title: 'Speed' },
      ],
    };
    expect(customFieldText(shape, 'product-fit', words, 'en-US')).toBe('Product fit');
    expect(customFieldText(shape, 'luck', words, 'en-US')).toBe('luck');
  });

  it('given a plain enum, as older schemas have, when a value is shown, then as the package wrote it', () => {
    expect(customFieldText({ type: 'string', enum: ['product-fit'] }, 'product-fit', words, 'en-US')).toBe('product-fit');
    expect(customFieldText({ type: 'integer', enum: [1000] }, 1000, words, 'en-US')).toBe('1000');
  });

  it('given a list of titled choices, when shown, then item by item by their titles', () => {
    const shape = { type: 'array', items: { type: 'string', oneOf: [{ const: 'cfo', title: 'Chief financial officer' }] } };
    expect(customFieldText(shape, ['cfo', 'ceo'], words, 'en-US')).toBe('Chief financial officer, ceo');
  });

  it('given a date, a date-time, a number and booleans, when shown, then in the locale and as words', () => {
    expect(customFieldText({ type: 'string', format: 'date' }, '2026-03-01', words, 'en-US')).toBe('Mar 1, 2026');
    expect(customFieldText({ type: 'string', format: 'date' }, '2026-03-01', words, 'de-DE')).toBe('01.03.2026');
    expect(customFieldText({ type: 'string', format: 'date-time' }, '2026-03-01T09:30:00Z', words, 'en-US')).toMatch(/^Mar 1, 2026, \d{1,2}:30/);
    expect(customFieldText({ type: 'integer' }, 12500, words, 'en-US')).toBe('12,500');
    expect(customFieldText({ type: 'boolean' }, true, words, 'en-US')).toBe('yes');
    expect(customFieldText({ type: 'boolean' }, false, words, 'en-US')).toBe('no');
  });

  it('given a text that is not the date its format says, when shown, then it reads as written', () => {
    expect(customFieldText({ type: 'string', format: 'date' }, 'since spring', words, 'en-US')).toBe('since spring');
  });

  it('given a list, an empty list and no value, when shown, then item by item, else none', () => {
    const shape = { type: 'array', items: { type: 'integer' } };
    expect(customFieldText(shape, [1000, 20], words, 'en-US')).toBe('1,000, 20');
    expect(customFieldText(shape, [], words, 'en-US')).toBe('—');
    expect(customFieldText(shape, null, words, 'en-US')).toBe('—');
    expect(customFieldText({ type: 'string' }, '', words, 'en-US')).toBe('—');
  });

  it('given a field the schema does not declare, when shown, then by its value’s own type', () => {
    expect(customFieldText(undefined, 3.5, words, 'en-US')).toBe('3.5');
    expect(customFieldText(undefined, true, words, 'en-US')).toBe('yes');
    expect(customFieldText(undefined, { nested: 1 }, words, 'en-US')).toBe('{"nested":1}');
  });
});
