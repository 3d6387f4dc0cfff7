import { formFits, withResultField } from './result-fields';

describe('result fields', () => {
  it('given results of the fixed kinds, then the form fits those with only its fields as texts and lists', () => {
    expect(formFits('territory', { territory: 'DACH', actions: ['dach-welcome'] })).toBe(true);
    expect(formFits('assignment', { strategy: 'skillMatch', skills: ['banking'] })).toBe(true);
    expect(formFits('assignment', { strategy: 'skillMatch', extra: 1 })).toBe(false);
    expect(formFits('exitCriteria', { reason: 'x', task: 'sendOffer' })).toBe(true);
    expect(formFits('classification', { rating: 'hot' })).toBe(false);
    expect(formFits('territory', null)).toBe(false);
  });

  it('given a field set or emptied, then it is set or left out and the rest kept', () => {
    expect(withResultField({ territory: 'DACH' }, 'team', 'dach')).toEqual({ territory: 'DACH', team: 'dach' });
    expect(withResultField({ territory: 'DACH', team: 'dach' }, 'team', '')).toEqual({ territory: 'DACH' });
    expect(withResultField(undefined, 'skills', ['a'])).toEqual({ skills: ['a'] });
  });
});
