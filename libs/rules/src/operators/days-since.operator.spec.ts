import { daysSinceOperator } from './days-since.operator.js';
import { evaluateBoth } from './evaluate-both.testing.js';

const now = Date.parse('2026-03-31T10:00:00Z');

describe('the daysSince operator', () => {
  describe('given "no contact for 30 days or more"', () => {
    it('when the last contact was 30 or more whole days ago then it passes', () => {
      expect(evaluateBoth(daysSinceOperator, '2026-03-01T10:00:00Z', { min: 30 }, now)).toBe(true);
      expect(evaluateBoth(daysSinceOperator, '2026-01-01', { min: 30 }, now)).toBe(true);
    });

    it('when it was less than 30 whole days ago then it fails', () => {
      expect(evaluateBoth(daysSinceOperator, '2026-03-01T10:00:01Z', { min: 30 }, now)).toBe(false);
    });
  });

  describe('given a range of days', () => {
    it('when the days fall in [min, max] then it passes', () => {
      expect(evaluateBoth(daysSinceOperator, '2026-03-29T12:00:00+02:00', { min: 1, max: 7 }, now)).toBe(true);
      expect(evaluateBoth(daysSinceOperator, '2026-03-20T00:00:00Z', { max: 7 }, now)).toBe(false);
    });

    it('when the days equal max then it passes (max included)', () => {
      expect(evaluateBoth(daysSinceOperator, '2026-03-24T10:00:00Z', { min: 1, max: 7 }, now)).toBe(true);
      expect(evaluateBoth(daysSinceOperator, '2026-03-23T10:00:00Z', { min: 1, max: 7 }, now)).toBe(false);
    });

    it('when the date is in the future then the days are negative', () => {
      expect(evaluateBoth(daysSinceOperator, '2026-04-02T10:00:00Z', { max: -1 }, now)).toBe(true);
      expect(evaluateBoth(daysSinceOperator, '2026-04-02T10:00:00Z', { min: 0 }, now)).toBe(false);
    });
  });

  describe('given the caller passes now', () => {
    it('then the same fact gives a different answer for a different now, with no clock read', () => {
      expect(evaluateBoth(daysSinceOperator, '2026-03-01', { min: 30 }, Date.parse('2026-03-30T00:00:00Z'))).toBe(false);
      expect(evaluateBoth(daysSinceOperator, '2026-03-01', { min: 30 }, Date.parse('2026-03-31T00:00:00Z'))).toBe(true);
    });
  });

  describe('given a fact that is not an ISO instant', () => {
    it.each([['2026-03-01T10:00:00'], ['yesterday'], [1767225600000], [undefined]])('when the fact is %j then it fails', (fact) => {
      expect(evaluateBoth(daysSinceOperator, fact, { min: 0 }, now)).toBe(false);
    });

    it('when the range has no bounds then it still fails, where any date passes', () => {
      expect(evaluateBoth(daysSinceOperator, 'yesterday', {}, now)).toBe(false);
      expect(evaluateBoth(daysSinceOperator, '2026-03-01', {}, now)).toBe(true);
    });
  });

  describe('given a range that is not an object', () => {
    it.each([[null], [30], ['30']])('when the range is %j then it fails', (range) => {
      expect(evaluateBoth(daysSinceOperator, '2026-03-01', range, now)).toBe(false);
    });
  });
});
