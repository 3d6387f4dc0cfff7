import { readFileSync } from 'node:fs';
import { RECORD_TYPES } from '@stageflow/api-contract';
import { enumLabelKey } from './enum-label';

const words = JSON.parse(readFileSync(new URL('../locales/en.json', import.meta.url), 'utf8')) as { enumValues: Record<string, Record<string, string>> };

function labelOf(key: string): string | undefined {
  const [, field, value] = key.split('.');
  return words.enumValues[field!]?.[value!];
}

describe('enum value labels', () => {
  it('given every enum field of every record type, when its values are labelled, then each has words of its own in the records namespace', () => {
    const missing: string[] = [];
    for (const type of Object.values(RECORD_TYPES)) {
      for (const field of type.fields) {
        if (field.kind !== 'enum') continue;
        for (const value of field.values ?? []) {
          const label = labelOf(enumLabelKey(field.name, value));
          if (label === undefined || label === value) missing.push(`${type.name}.${field.name}: ${value}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('given a lead classification, when its key is made, then it names the field and the stored value', () => {
    expect(enumLabelKey('classification', 'expected-buyer')).toBe('enumValues.classification.expected-buyer');
    expect(labelOf(enumLabelKey('classification', 'expected-buyer'))).toBe('Expected buyer');
  });
});
