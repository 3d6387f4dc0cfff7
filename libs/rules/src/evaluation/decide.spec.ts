import type { RuleSet } from '@stageflow/process-package';
import { decisionOf, decisionValue } from './decide.js';
import { bantSet, territorySet } from './sample-rule-sets.testing.js';

const { fallback: _fallback, ...territoriesWithoutFallback } = territorySet;
const firstWithoutFallback = territoriesWithoutFallback as RuleSet;

describe('the hit policy', () => {
  describe('given a first-hit set without fallback', () => {
    it('when nothing matches then the decision is empty and the task writes null', () => {
      const decision = decisionOf(firstWithoutFallback, []);
      expect(decision).toEqual({ matchedRuleIds: [], results: [], usedFallback: false });
      expect(decisionValue(firstWithoutFallback, decision)).toBeNull();
    });

    it('when several rules match then only the first counts', () => {
      const decision = decisionOf(firstWithoutFallback, [
        { id: 'dach-enterprise', result: { territory: 'DACH Enterprise' } },
        { id: 'dach', result: { territory: 'DACH' } },
      ]);
      expect(decision).toEqual({ matchedRuleIds: ['dach-enterprise'], results: [{ territory: 'DACH Enterprise' }], usedFallback: false });
      expect(decisionValue(firstWithoutFallback, decision)).toEqual({ territory: 'DACH Enterprise' });
    });
  });

  describe('given an all-hits set', () => {
    it('when one rule matches then the task writes a list of one result', () => {
      const decision = decisionOf(bantSet, [{ id: 'nurture', result: { segment: 'nurturable' } }]);
      expect(decisionValue(bantSet, decision)).toEqual([{ segment: 'nurturable' }]);
    });
  });
});
