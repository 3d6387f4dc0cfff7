import { evaluateBoth } from './evaluate-both.testing.js';
import { startsWithOperator } from './starts-with.operator.js';

describe('the startsWith operator', () => {
  describe('given a postcode area', () => {
    it('when the postcode begins with it then it passes', () => {
      expect(evaluateBoth(startsWithOperator, '80331', '80')).toBe(true);
    });

    it('when it begins otherwise or differs in case then it fails', () => {
      expect(evaluateBoth(startsWithOperator, '10115', '80')).toBe(false);
      expect(evaluateBoth(startsWithOperator, 'banking', 'Bank')).toBe(false);
    });

    it('when the fact is not a text then it fails', () => {
      expect(evaluateBoth(startsWithOperator, 80331, '80')).toBe(false);
      expect(evaluateBoth(startsWithOperator, undefined, '80')).toBe(false);
    });

    it('when the value is a number then it fails, although the postcode begins with its digits', () => {
      expect(evaluateBoth(startsWithOperator, '80331', 80)).toBe(false);
    });
  });
});
