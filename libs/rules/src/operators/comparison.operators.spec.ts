import {
  equalOperator,
  greaterThanInclusiveOperator,
  greaterThanOperator,
  lessThanInclusiveOperator,
  lessThanOperator,
  notEqualOperator,
} from './comparison.operators.js';
import { evaluateBoth } from './evaluate-both.testing.js';

describe('the comparison operators (json-rules-engine semantics)', () => {
  describe('given a JSON object fact that cannot be converted to a number', () => {
    it('then the numeric comparisons fail instead of throwing as json-rules-engine’s built-ins do', () => {
      const hostile: unknown = JSON.parse('{"toString": 0}');
      expect(evaluateBoth(lessThanOperator, hostile, 5)).toBe(false);
      expect(evaluateBoth(greaterThanInclusiveOperator, [hostile], 5)).toBe(false);
    });
  });

  describe('given equal and notEqual', () => {
    it('when values are strictly equal then equal passes and notEqual fails', () => {
      expect(evaluateBoth(equalOperator, 'DE', 'DE')).toBe(true);
      expect(evaluateBoth(notEqualOperator, 'DE', 'DE')).toBe(false);
    });

    it('when they differ in type then equal fails', () => {
      expect(evaluateBoth(equalOperator, 1, '1')).toBe(false);
      expect(evaluateBoth(notEqualOperator, undefined, 'DE')).toBe(true);
    });
  });

  describe('given the numeric comparisons', () => {
    it('when the fact is a number then they compare it', () => {
      expect(evaluateBoth(lessThanOperator, 4, 5)).toBe(true);
      expect(evaluateBoth(lessThanInclusiveOperator, 5, 5)).toBe(true);
      expect(evaluateBoth(greaterThanOperator, 5, 5)).toBe(false);
      expect(evaluateBoth(greaterThanInclusiveOperator, 5, 5)).toBe(true);
    });

    it('when the fact equals the value then lessThan fails like greaterThan', () => {
      expect(evaluateBoth(lessThanOperator, 5, 5)).toBe(false);
    });

    it('when the fact is greater then lessThanInclusive fails', () => {
      expect(evaluateBoth(lessThanInclusiveOperator, 6, 5)).toBe(false);
    });

    it('when the fact does not start like a number then they fail', () => {
      expect(evaluateBoth(greaterThanOperator, 'many', 5)).toBe(false);
      expect(evaluateBoth(lessThanOperator, undefined, 5)).toBe(false);
      expect(evaluateBoth(lessThanOperator, null, 5)).toBe(false);
    });

    it('when the fact is a numeric text then it compares as JavaScript does', () => {
      expect(evaluateBoth(greaterThanOperator, '10', 5)).toBe(true);
      expect(evaluateBoth(greaterThanOperator, '10 units', 5)).toBe(false);
    });
  });
});
