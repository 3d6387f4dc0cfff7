import { errorSchemaOf, fieldPath } from './field-errors';

describe('the engine’s issues by field', () => {
  it('given paths below variables, when read, then the field segments in order, quoted names and indexes included', () => {
    expect(fieldPath('variables.budget')).toEqual(['budget']);
    expect(fieldPath('variables.contact.phones[2]')).toEqual(['contact', 'phones', '2']);
    expect(fieldPath('variables["first name"]')).toEqual(['first name']);
    expect(fieldPath('variables')).toEqual([]);
  });

  it('given issues of two fields and one of the whole, when turned into an error schema, then each message under its field', () => {
    expect(
      errorSchemaOf([
        { path: 'variables.budget', message: 'variables.budget must be >= 0' },
        { path: 'variables.outcome', message: 'variables.outcome is required' },
        { path: 'variables.budget', message: 'variables.budget must be a multiple of 100' },
        { path: 'variables', message: 'variables must be an object' },
      ]),
    ).toEqual({
      __errors: ['variables must be an object'],
      budget: { __errors: ['variables.budget must be >= 0', 'variables.budget must be a multiple of 100'] },
      outcome: { __errors: ['variables.outcome is required'] },
    });
  });
});
