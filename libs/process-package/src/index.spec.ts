import * as processPackage from './index.js';

describe('the package entry', () => {
  describe('when it is imported', () => {
    it('then it exports the validators, schemas and limits and nothing that needs I/O', () => {
      expect(Object.keys(processPackage).sort()).toEqual(
        [
          'describeResourceSuffixes',
          'forbiddenVariableKeys',
          'maxValidationIssues',
          'resourceKind',
          'resourceSuffixes',
          'validateVariables',
          'validateWith',
          'variableLimits',
          'parseIsoDuration',
          'maxMessageTtlSeconds',
          'nowFact',
          'validateRuleSet',
          'parseRuleSet',
          'ruleSetDeploymentProblems',
          'ruleSetSchema',
          'territoryResultSchema',
          'assignmentResultSchema',
          'classificationResultSchema',
          'actionsResultSchema',
          'actionSchemas',
          'maxRules',
          'maxConditionDepth',
          'maxConditionsPerRule',
          'operatorSignatures',
          'operatorNames',
          'isOperatorName',
          'isIsoInstant',
          'isTimeZone',
          'checkSafeRegex',
          'safeRegexLimits',
          'templateKey',
          'parseActionTemplate',
          'validateActionTemplate',
          'actionTemplateDeploymentProblems',
          'actionTemplateSchema',
          'parseContactPlan',
          'validateContactPlan',
          'contactPlanDeploymentProblems',
          'contactPlanSchema',
          'maxContactPlanSteps',
          'maxContactPlanOffsetSeconds',
          'contactPlanSchedule',
          'contactPlanStepRunAt',
        ].sort(),
      );
    });
  });
});
