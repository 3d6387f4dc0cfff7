import { evaluateBoth } from './evaluate-both.testing.js';
import { notInOperator } from './not-in.operator.js';

describe('the notIn operator', () => {
  describe('given a list of excluded industries', () => {
    it('when the fact is not listed then it passes', () => {
      expect(evaluateBoth(notInOperator, 'Retail', ['Defense', 'Gambling'])).toBe(true);
    });

    it('when the fact is listed then it fails', () => {
      expect(evaluateBoth(notInOperator, 'Gambling', ['Defense', 'Gambling'])).toBe(false);
      expect(
        evaluateBoth(
          notInOperator,
          'Gambling',
          Array.from({ length: 20 }, (_, i) => (i === 7 ? 'Gambling' : `x${i}`)),
        ),
      ).toBe(false);
    });

    it('when the fact is missing then it passes, like json-rules-engine', () => {
      expect(evaluateBoth(notInOperator, undefined, ['Defense'])).toBe(true);
    });
  });

  describe('given a value that is not a list', () => {
    it('then it fails', () => {
      expect(evaluateBoth(notInOperator, 'Retail', 'Defense')).toBe(false);
    });
  });
});
