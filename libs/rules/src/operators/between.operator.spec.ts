import { betweenOperator } from './between.operator.js';
import { evaluateBoth } from './evaluate-both.testing.js';

describe('the between operator', () => {
  describe('given a company size band of 50 to 250 employees', () => {
    it('when the size is inside or on either end then it passes', () => {
      expect(evaluateBoth(betweenOperator, 50, [50, 250])).toBe(true);
      expect(evaluateBoth(betweenOperator, 120, [50, 250])).toBe(true);
      expect(evaluateBoth(betweenOperator, 250, [50, 250])).toBe(true);
    });

    it('when the size is outside then it fails', () => {
      expect(evaluateBoth(betweenOperator, 49.5, [50, 250])).toBe(false);
      expect(evaluateBoth(betweenOperator, 251, [50, 250])).toBe(false);
    });

    it('when the fact is not a number then it fails, also for a numeric text', () => {
      expect(evaluateBoth(betweenOperator, '120', [50, 250])).toBe(false);
      expect(evaluateBoth(betweenOperator, undefined, [50, 250])).toBe(false);
    });
  });

  describe('given a band that is not two numbers', () => {
    it('when a bound is null then it fails, although JavaScript compares null as 0', () => {
      expect(evaluateBoth(betweenOperator, 50, [null, 250])).toBe(false);
      expect(evaluateBoth(betweenOperator, -5, [-10, null])).toBe(false);
    });

    it('when the band is an object with numbered keys instead of a list then it fails', () => {
      expect(evaluateBoth(betweenOperator, 120, { 0: 50, 1: 250 })).toBe(false);
    });
  });
});
