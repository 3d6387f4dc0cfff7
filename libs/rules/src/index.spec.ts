import * as rules from './index.js';

describe('the rules entry', () => {
  describe('when it is imported', () => {
    it('then it exports the resolvers, operators and both evaluators', () => {
      expect(Object.keys(rules).sort()).toEqual(
        ['ReferenceEvaluator', 'chainFactResolvers', 'compileRuleSet', 'decisionValue', 'operatorCatalog', 'variablesFactResolver'].sort(),
      );
    });

    it('then the catalog has an operator for every name the format allows', async () => {
      const { operatorNames } = await import('@stageflow/process-package');
      expect(Object.keys(rules.operatorCatalog).sort()).toEqual([...operatorNames].sort());
    });
  });
});
