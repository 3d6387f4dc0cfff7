import type { RecordField } from '@stageflow/api-contract';
import { fieldText } from './field-text';

const words = { yes: 'yes', no: 'no' };
const value: RecordField = { name: 'value', kind: 'decimal' };

describe('fieldText', () => {
  it('shows an amount in the record currency and the locale', () => {
    expect(fieldText(value, { value: 1234.5, currency: 'EUR' }, words, 'en-US')).toBe('€1,234.50');
    expect(fieldText(value, { value: 1234.5, currency: 'EUR' }, words, 'de-DE')).toBe('1.234,50\u00a0€');
    expect(fieldText(value, { value: 1234.5, currency: null }, words, 'en-US')).toBe('1,234.5');
  });

  it('shows a calendar date as that day, lists joined, flags in words', () => {
    expect(fieldText({ name: 'timeline', kind: 'date' }, { timeline: '2027-01-31' }, words, 'en-US')).toBe('Jan 31, 2027');
    expect(fieldText({ name: 'emails', kind: 'emails' }, { emails: ['a@x.example', 'b@x.example'] }, words)).toBe('a@x.example, b@x.example');
    expect(fieldText({ name: 'consentEmail', kind: 'boolean' }, { consentEmail: false }, words)).toBe('no');
  });

  it('answers null for a field that is not set', () => {
    expect(fieldText({ name: 'emails', kind: 'emails' }, { emails: [] }, words)).toBeNull();
    expect(fieldText(value, { value: null }, words)).toBeNull();
  });

  it('keeps markup as text', () => {
    expect(fieldText({ name: 'title', kind: 'text' }, { title: '<img src=x onerror=alert(1)>' }, words)).toBe('<img src=x onerror=alert(1)>');
  });
});
