import type { TFunction } from 'i18next';
import { customEnumLabel, customEnumLabelKey, customFieldText, customFieldTitle, type CustomFieldWords } from './custom-field-text';

const LABELS: Record<string, string> = { 'customValues.opportunity.winReason.product-fit': 'Product fit' };
const t = ((key: string, options: { defaultValue: string }) => LABELS[key] ?? options.defaultValue) as unknown as TFunction<'records'>;
const words: CustomFieldWords = { yes: 'yes', no: 'no', none: '—', enumLabel: customEnumLabel(t, 'opportunity') };

describe("a custom field's title and value in words", () => {
  it('given a field with a title and one without, when titled, then the title, else the name', () => {
    expect(customFieldTitle('winReason', { type: 'string', title: 'Why we won' })).toBe('Why we won');
    expect(customFieldTitle('winReason', { type: 'string', title: ' ' })).toBe('winReason');
    expect(customFieldTitle('legacy', undefined)).toBe('legacy');
  });

  it('given an enum value with words and one without, when shown, then its label, else the value as written', () => {
    const shape = { type: 'string', enum: ['product-fit', 'speed'] };
    expect(customFieldText('winReason', shape, 'product-fit', words, 'en-US')).toBe('Product fit');
    expect(customFieldText('winReason', shape, 'speed', words, 'en-US')).toBe('speed');
  });

  it('given a value outside the enum, when shown, then it is not looked up as a label', () => {
    const asked: string[] = [];
    const enumLabel = (_field: string, value: string | number) => {
      asked.push(String(value));
      return 'label';
    };
    expect(customFieldText('winReason', { type: 'string', enum: ['speed'] }, 'price', { ...words, enumLabel }, 'en-US')).toBe('price');
    expect(asked).toEqual([]);
  });

  it('given a date, a date-time, a number and booleans, when shown, then in the locale and as words', () => {
    expect(customFieldText('customerSince', { type: 'string', format: 'date' }, '2026-03-01', words, 'en-US')).toBe('Mar 1, 2026');
    expect(customFieldText('customerSince', { type: 'string', format: 'date' }, '2026-03-01', words, 'de-DE')).toBe('01.03.2026');
    expect(customFieldText('signedAt', { type: 'string', format: 'date-time' }, '2026-03-01T09:30:00Z', words, 'en-US')).toMatch(/^Mar 1, 2026, \d{1,2}:30/);
    expect(customFieldText('healthScore', { type: 'integer' }, 12500, words, 'en-US')).toBe('12,500');
    expect(customFieldText('newsletterConsent', { type: 'boolean' }, true, words, 'en-US')).toBe('yes');
    expect(customFieldText('newsletterConsent', { type: 'boolean' }, false, words, 'en-US')).toBe('no');
  });

  it('given a text that is not the date its format says, when shown, then it reads as written', () => {
    expect(customFieldText('customerSince', { type: 'string', format: 'date' }, 'since spring', words, 'en-US')).toBe('since spring');
  });

  it('given a list, an empty list and no value, when shown, then item by item, else none', () => {
    const shape = { type: 'array', items: { type: 'integer' } };
    expect(customFieldText('sizes', shape, [1000, 20], words, 'en-US')).toBe('1,000, 20');
    expect(customFieldText('sizes', shape, [], words, 'en-US')).toBe('—');
    expect(customFieldText('sizes', shape, null, words, 'en-US')).toBe('—');
    expect(customFieldText('competitor', { type: 'string' }, '', words, 'en-US')).toBe('—');
  });

  it('given a field the schema does not declare, when shown, then by its value’s own type', () => {
    expect(customFieldText('legacy', undefined, 3.5, words, 'en-US')).toBe('3.5');
    expect(customFieldText('legacy', undefined, true, words, 'en-US')).toBe('yes');
    expect(customFieldText('legacy', undefined, { nested: 1 }, words, 'en-US')).toBe('{"nested":1}');
  });

  it('given values with i18next separators or empty, when keyed, then no key is made', () => {
    expect(customEnumLabelKey('lead', 'companySize', '1000+')).toBe('customValues.lead.companySize.1000+');
    expect(customEnumLabelKey('lead', 'version', '1.5')).toBeUndefined();
    expect(customEnumLabelKey('lead', 'scheme', 'a:b')).toBeUndefined();
    expect(customEnumLabelKey('lead', 'scheme', 2)).toBe('customValues.lead.scheme.2');
  });
});
