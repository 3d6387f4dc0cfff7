import { safeRegexLimits } from '@stageflow/process-package';
import { evaluateBoth } from './evaluate-both.testing.js';
import { matchesOperator } from './matches.operator.js';

describe('the matches operator', () => {
  describe('given a safe pattern', () => {
    it('when the text matches then it passes', () => {
      expect(evaluateBoth(matchesOperator, 'jane@acme.com', '@(acme|globex)\\.com$')).toBe(true);
      expect(evaluateBoth(matchesOperator, 'Zürich', '^\\p{Lu}')).toBe(true);
    });

    it('when the text does not match or is not a text then it fails', () => {
      expect(evaluateBoth(matchesOperator, 'jane@initech.com', '@(acme|globex)\\.com$')).toBe(false);
      expect(evaluateBoth(matchesOperator, 42, '\\d+')).toBe(false);
    });

    it('when the fact is a list then it fails, although the list read as text would match', () => {
      expect(evaluateBoth(matchesOperator, ['123'], '\\d+')).toBe(false);
    });

    it('when the text is longer than the input bound then it never matches', () => {
      const long = `${'a'.repeat(safeRegexLimits.maxInputLength)}@acme.com`;
      expect(evaluateBoth(matchesOperator, long, '@acme\\.com$')).toBe(false);
      expect(evaluateBoth(matchesOperator, long.slice(-safeRegexLimits.maxInputLength), '@acme\\.com$')).toBe(true);
    });
  });

  describe('given a pattern that is not safe (deploy refuses it; here it never runs)', () => {
    it('when it nests quantifiers then it fails at once instead of backtracking', () => {
      const started = performance.now();
      expect(evaluateBoth(matchesOperator, `${'a'.repeat(40)}!`, '^(a+)+$')).toBe(false);
      expect(performance.now() - started).toBeLessThan(100);
    });

    it('when it does not compile then it fails', () => {
      expect(evaluateBoth(matchesOperator, 'x', '(x')).toBe(false);
    });

    it('when the pattern is not a text then it fails, although it would compile as one', () => {
      expect(evaluateBoth(matchesOperator, 'order 42', 42)).toBe(false);
    });
  });
});
