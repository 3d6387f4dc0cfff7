import { errorSchemaOf, fieldPath } from './error-schema';

describe('the engine’s issues by field', () => {
  it('given paths of fields, list items and nested objects, when read, then the segments in order', () => {
    expect(fieldPath('slaHours')).toEqual(['slaHours']);
    expect(fieldPath('stages[2]')).toEqual(['stages', '2']);
    expect(fieldPath('limits.max')).toEqual(['limits', 'max']);
    expect(fieldPath('a.b[0].c')).toEqual(['a', 'b', '0', 'c']);
    expect(fieldPath('')).toEqual([]);
  });

  it('given paths below a root, when read below it, then the field segments, quoted names and indexes included', () => {
    expect(fieldPath('variables.budget', 'variables')).toEqual(['budget']);
    expect(fieldPath('variables.contact.phones[2]', 'variables')).toEqual(['contact', 'phones', '2']);
    expect(fieldPath('variables["first name"]', 'variables')).toEqual(['first name']);
    expect(fieldPath('variables', 'variables')).toEqual([]);
  });

  it('given issues of two fields and one of the whole, when turned into an error schema, then each message under its field', () => {
    expect(
      errorSchemaOf(
        [
          { path: 'variables.budget', message: 'variables.budget must be >= 0' },
          { path: 'variables.outcome', message: 'variables.outcome is required' },
          { path: 'variables.budget', message: 'variables.budget must be a multiple of 100' },
          { path: 'variables', message: 'variables must be an object' },
        ],
        'variables',
      ),
    ).toEqual({
      __errors: ['variables must be an object'],
      budget: { __errors: ['variables.budget must be >= 0', 'variables.budget must be a multiple of 100'] },
      outcome: { __errors: ['variables.outcome is required'] },
    });
  });

  it('given issues from the root, a list item among them, when turned into an error schema, then the item under its index', () => {
    expect(
      errorSchemaOf([{ path: 'slaHours', message: 'must be >= 1' }, { path: 'stages[2]', message: 'must be a string' }, { message: 'must be an object' }]),
    ).toEqual({
      slaHours: { __errors: ['must be >= 1'] },
      stages: { 2: { __errors: ['must be a string'] } },
      __errors: ['must be an object'],
    });
  });
});
