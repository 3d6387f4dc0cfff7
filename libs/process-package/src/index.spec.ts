import * as processPackage from './index.js';

describe('the package entry', () => {
  describe('when it is imported', () => {
    it('then it exports the validators, schemas and limits and nothing that needs I/O', () => {
      expect(Object.keys(processPackage).sort()).toEqual(
        [
          'completeTaskRequestSchema',
          'deploymentRequestSchema',
          'describeResourceSuffixes',
          'forbiddenVariableKeys',
          'isCompleteTaskRequest',
          'isDeploymentRequest',
          'isLoginRequest',
          'isStartInstanceRequest',
          'loginRequestSchema',
          'maxDeploymentResources',
          'maxValidationIssues',
          'resourceKind',
          'resourceSuffixes',
          'startInstanceRequestSchema',
          'validateCompleteTaskRequest',
          'validateDeploymentRequest',
          'validateLoginRequest',
          'validateStartInstanceRequest',
          'validateVariables',
          'validateWith',
          'variableLimits',
          'variablesSchema',
          'publishMessageRequestSchema',
          'validatePublishMessageRequest',
          'isPublishMessageRequest',
          'messageTtlSeconds',
          'broadcastSignalRequestSchema',
          'validateBroadcastSignalRequest',
          'isBroadcastSignalRequest',
          'parseIsoDuration',
          'maxMessageTtlSeconds',
        ].sort(),
      );
    });
  });
});
