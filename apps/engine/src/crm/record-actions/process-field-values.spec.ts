import { activityType, leadType, opportunityType } from '@stageflow/api-contract';
import { issuesMessage, processFieldValues } from './process-field-values.js';

describe('processFieldValues', () => {
  it('given rendered text then numbers, booleans and lists are read by the field kind', () => {
    expect(processFieldValues(opportunityType, { value: ' 25000.5 ', probability: '40', name: ' Fleet ' })).toEqual({
      value: 25000.5,
      probability: 40,
      name: 'Fleet',
    });
    expect(processFieldValues(activityType, { done: 'true', subject: 'Call' })).toEqual({ done: true, subject: 'Call' });
    expect(processFieldValues(leadType, { emails: 'a@x.io, b@x.io', phones: '' })).toEqual({ emails: ['a@x.io', 'b@x.io'], phones: null });
  });

  it('given values that were JSON in the action or that do not fit then they are kept for the validator', () => {
    expect(processFieldValues(opportunityType, { value: 'lots', probability: 40, custom: { a: '1' }, nickname: 'x' })).toEqual({
      value: 'lots',
      probability: 40,
      custom: { a: '1' },
      nickname: 'x',
    });
    expect(processFieldValues(activityType, { done: 'yes' })).toEqual({ done: 'yes' });
  });

  it('given empty text then the field is cleared', () => {
    expect(processFieldValues(leadType, { classification: '  ' })).toEqual({ classification: null });
  });
});

describe('issuesMessage', () => {
  it('names every field with its record type', () => {
    expect(
      issuesMessage('lead', [
        { path: 'status', message: 'must be one of the allowed values' },
        { path: 'nickname', message: 'is not allowed' },
      ]),
    ).toBe('lead.status must be one of the allowed values; lead.nickname is not allowed');
  });
});
