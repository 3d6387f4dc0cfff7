import { containsOperator, doesNotContainOperator } from './contains.operator.js';
import { evaluateBoth } from './evaluate-both.testing.js';

describe('the contains and doesNotContain operators', () => {
  describe('given a list fact', () => {
    it('when the list holds the value then contains passes and doesNotContain fails', () => {
      expect(evaluateBoth(containsOperator, ['crm', 'erp'], 'erp')).toBe(true);
      expect(evaluateBoth(doesNotContainOperator, ['crm', 'erp'], 'erp')).toBe(false);
    });

    it('when the list lacks the value then contains fails and doesNotContain passes', () => {
      expect(evaluateBoth(containsOperator, ['crm'], 'erp')).toBe(false);
      expect(evaluateBoth(doesNotContainOperator, ['crm'], 'erp')).toBe(true);
      expect(evaluateBoth(containsOperator, [1, 2], '1')).toBe(false);
    });
  });

  describe('given a text fact', () => {
    it('when the text holds the value as a substring then contains passes', () => {
      expect(evaluateBoth(containsOperator, 'Acme Holding GmbH', 'GmbH')).toBe(true);
      expect(evaluateBoth(doesNotContainOperator, 'Acme Inc', 'GmbH')).toBe(true);
    });

    it('when the value is not a text then both fail', () => {
      expect(evaluateBoth(containsOperator, 'Acme 42', 42)).toBe(false);
      expect(evaluateBoth(doesNotContainOperator, 'Acme 42', 42)).toBe(false);
    });
  });

  describe('given a fact that is no container', () => {
    it.each([[undefined], [null], [42], [{ erp: true }]])('when the fact is %j then both fail', (fact) => {
      expect(evaluateBoth(containsOperator, fact, 'erp')).toBe(false);
      expect(evaluateBoth(doesNotContainOperator, fact, 'erp')).toBe(false);
    });
  });
});
