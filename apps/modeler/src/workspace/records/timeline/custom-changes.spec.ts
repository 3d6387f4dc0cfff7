import { customFieldChanges } from './custom-changes';

describe('a custom-field write in the timeline', () => {
  it('given a first write of two fields, when split, then one change per field from none, in the schema’s order', () => {
    expect(customFieldChanges(null, { newsletterConsent: true, companySize: '10-49' }, ['companySize', 'preferredContactTime', 'newsletterConsent'])).toEqual([
      { name: 'companySize', old: null, new: '10-49' },
      { name: 'newsletterConsent', old: null, new: true },
    ]);
  });

  it('given one field changed, one kept and one removed, when split, then the kept one is left out', () => {
    expect(customFieldChanges({ a: 1, b: ['x'], c: 'gone' }, { a: 2, b: ['x'] }, ['a', 'b', 'c'])).toEqual([
      { name: 'a', old: 1, new: 2 },
      { name: 'c', old: 'gone', new: null },
    ]);
  });

  it('given fields the schema does not declare, when split, then they follow the declared ones, by name', () => {
    expect(customFieldChanges({}, { zeta: 1, alpha: 2, winReason: 'price' }, ['winReason']).map((change) => change.name)).toEqual([
      'winReason',
      'alpha',
      'zeta',
    ]);
  });

  it('given a field going from absent to null or empty text, when split, then nothing changed', () => {
    expect(customFieldChanges({ a: null }, { b: '' }, [])).toEqual([]);
  });

  it('given false and 0 set where there was nothing, when split, then they are changes', () => {
    expect(customFieldChanges({}, { consent: false, score: 0 }, [])).toEqual([
      { name: 'consent', old: null, new: false },
      { name: 'score', old: null, new: 0 },
    ]);
  });

  it('given something that is no object, when split, then it counts as no fields', () => {
    expect(customFieldChanges('{}', [1], [])).toEqual([]);
  });
});
