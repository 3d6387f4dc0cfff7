import * as rules from './index.js';

describe('the rules entry', () => {
  describe('when it is imported', () => {
    it('then it exports the resolvers, operators, both evaluators and the template renderer', () => {
      expect(Object.keys(rules).sort()).toEqual(
        [
          'ReferenceEvaluator',
          'TemplateRenderer',
          'chainFactResolvers',
          'checkActionTemplates',
          'checkActionTemplate',
          'renderAction',
          'compileRuleSet',
          'decisionValue',
          'exitCriteriaRefusals',
          'stageMoveFactResolver',
          'hasSkills',
          'operatorCatalog',
          'selectAssignee',
          'templateLimits',
          'variablesFactResolver',
        ].sort(),
      );
    });

    it('then the catalog has an operator for every name the format allows', async () => {
      const { operatorNames } = await import('@stageflow/process-package');
      expect(Object.keys(rules.operatorCatalog).sort()).toEqual([...operatorNames].sort());
    });
  });
});
