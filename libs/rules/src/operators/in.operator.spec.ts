import { evaluateBoth } from './evaluate-both.testing.js';
import { inOperator } from './in.operator.js';

describe('the in operator', () => {
  describe('given a short list of countries', () => {
    it('when the fact is listed then it passes', () => {
      expect(evaluateBoth(inOperator, 'AT', ['DE', 'AT', 'CH'])).toBe(true);
    });

    it('when the fact is not listed, differs in case or type, or is missing then it fails', () => {
      expect(evaluateBoth(inOperator, 'FR', ['DE', 'AT', 'CH'])).toBe(false);
      expect(evaluateBoth(inOperator, 'de', ['DE', 'AT', 'CH'])).toBe(false);
      expect(evaluateBoth(inOperator, 1, ['1'])).toBe(false);
      expect(evaluateBoth(inOperator, undefined, ['DE'])).toBe(false);
    });
  });

  describe('given a long list (compiled to a set)', () => {
    const codes = Array.from({ length: 100 }, (_, i) => i * 3);
    it('when the fact is listed then it passes, else it fails', () => {
      expect(evaluateBoth(inOperator, 297, codes)).toBe(true);
      expect(evaluateBoth(inOperator, 298, codes)).toBe(false);
    });
  });

  describe('given a value that is not a list', () => {
    it('then it fails instead of throwing', () => {
      expect(evaluateBoth(inOperator, 'DE', 'DE')).toBe(false);
    });

    it('when the value is a text then its letters are no list either', () => {
      expect(evaluateBoth(inOperator, 'D', 'DE')).toBe(false);
    });
  });
});
