// @stageflow/process-package: JSON Schemas and validation of what a deployment holds (rule sets,
// action templates, contact plans, variables, resource kinds), shared by the engine, the CLI and
// the web app. The API's request and response schemas are in @stageflow/api-contract.
// Pure: no file system, network or framework.

// Issues and problems
export type { ValidationIssue } from './validation/validation-issue.js';
export type { DeploymentProblem } from './deployment/deployment-problem.js';
export { validateWith, maxValidationIssues } from './validation/validate-with.js';

// Rule sets (issue 4): format, schemas, operator signatures and the deploy-time validator
export type {
  RuleSet,
  RuleSetOf,
  RuleSetKind,
  HitPolicy,
  FactType,
  OperatorName,
  Condition,
  BooleanCondition,
  AllCondition,
  AnyCondition,
  NotCondition,
  FactCondition,
  DaysSinceRange,
  BusinessHours,
  Weekday,
  Rule,
  ResultByKind,
  TerritoryResult,
  AssignmentResult,
  AssignmentStrategy,
  ClassificationResult,
  ExitCriterionResult,
  ActionsResult,
  ProcessEventName,
  RuleAction,
  ActionType,
  CreateTaskAction,
  SendEmailAction,
  CallWebhookAction,
  SetVariablesAction,
  StartProcessAction,
  NotifyUserAction,
  StartContactPlanAction,
} from './rule-sets/rule-set.types.js';
export type {
  RecordAction,
  ActionRecordType,
  SetRecordFieldsAction,
  CreateRecordAction,
  AddActivityAction,
  CreateDocumentAction,
} from './record-actions/record-action.types.js';
export { recordActionSchemas, recordActionTypes } from './record-actions/record-action.schema.js';
export { nowFact } from './rule-sets/rule-set.types.js';
export type { RuleSetProblem, RuleSetParse } from './rule-sets/rule-set.validator.js';
export { validateRuleSet, parseRuleSet, ruleSetDeploymentProblems } from './rule-sets/rule-set.validator.js';
export {
  ruleSetSchema,
  territoryResultSchema,
  assignmentResultSchema,
  classificationResultSchema,
  exitCriterionResultSchema,
  actionsResultSchema,
  actionSchemas,
  maxRules,
  maxConditionDepth,
  maxConditionsPerRule,
} from './rule-sets/rule-set.schema.js';
export type { OperatorSignature, ComparedType } from './rule-sets/operator-signatures.js';
export { operatorSignatures, operatorNames, isOperatorName, isIsoInstant, isTimeZone } from './rule-sets/operator-signatures.js';
export { checkSafeRegex, safeRegexLimits } from './rule-sets/safe-regex.js';

// Process variables
export type { JsonPrimitive, JsonValue, JsonObject, ProcessVariables } from './variables/json-value.js';
export { validateVariables } from './variables/validate-variables.js';
export { variableLimits, forbiddenVariableKeys } from './variables/variable-limits.js';

// Deployment resources
export type { ResourceKind } from './resources/resource-kind.js';
export { resourceKind, resourceSuffixes, describeResourceSuffixes, templateKey, formKey } from './resources/resource-kind.js';

// Action templates (issue 4): `*.action.json`, run by service and send tasks (stageflow:action)
export type { ActionTemplate } from './action-templates/action-template.types.js';
export type { ActionTemplateParse } from './action-templates/action-template.validator.js';
export { parseActionTemplate, validateActionTemplate, actionTemplateDeploymentProblems } from './action-templates/action-template.validator.js';
export { actionTemplateSchema } from './action-templates/action-template.schema.js';

// Contact plans (issue 4): `*.contact-plan.json`, started by a startContactPlan action
export type { ContactPlan, ContactPlanStep, ContactPlanStepAction } from './contact-plans/contact-plan.types.js';
export type { ContactPlanParse } from './contact-plans/contact-plan.validator.js';
export { parseContactPlan, validateContactPlan, contactPlanDeploymentProblems } from './contact-plans/contact-plan.validator.js';
export { contactPlanSchema, maxContactPlanSteps, maxContactPlanOffsetSeconds } from './contact-plans/contact-plan.schema.js';
export type { ScheduledContactPlanStep } from './contact-plans/contact-plan-schedule.js';
export { contactPlanSchedule, contactPlanStepRunAt } from './contact-plans/contact-plan-schedule.js';

// Custom fields (issue 11): `<record type>.fields.json`, a JSON Schema of a record type's custom fields
export type { CustomFieldSchema, CustomFieldProperty, CustomFieldChoice, CustomFieldSchemaParse } from './custom-fields/custom-fields.js';
export {
  parseCustomFieldSchema,
  validateCustomFieldSchema,
  compileCustomFieldSchema,
  customFieldsDeploymentProblems,
  customFieldsKey,
  customFieldLimits,
  customFieldRecordTypes,
} from './custom-fields/custom-fields.js';

// Task forms (issue 12): `<key>.form.json`, a JSON Schema of the object a user task completes with (stageflow:formKey)
export type { TaskFormSchema, TaskFormParse } from './forms/task-form.js';
export { parseTaskForm, validateTaskForm, compileTaskForm, taskFormDeploymentProblems, taskFormLimits } from './forms/task-form.js';

// JSON Schemas that come with a deployment (custom fields, forms, package parameters): one strict ajv (draft 2020-12)
export { compileDeployedSchema, deployedSchemaProblem, deployedSchemaFormats } from './validation/deployed-schema-compiler.js';
export { schemaDocumentIssues, maxSchemaDepth } from './validation/schema-document.js';

// Process packages (issue 12): manifest.json + resources, as a folder or a zip; checked as a whole
export type {
  PackageFile,
  PackageManifest,
  PackageParameters,
  PackageRecordType,
  ParameterSchema,
  ParameterProperty,
  ValidatedPackage,
} from './packages/package.types.js';
export type { PackageValidation } from './packages/validate-package.js';
export { validatePackage } from './packages/validate-package.js';
export type { PackageUnpack } from './packages/package-zip.js';
export { unpackPackage, packPackage } from './packages/package-zip.js';
export type { ManifestParse } from './packages/parse-manifest.js';
export { parseManifest, validateManifest, packageVersionProblem, comparePackageVersions } from './packages/parse-manifest.js';
export { packageManifestSchema, PACKAGE_NAME_PATTERN } from './packages/package-manifest.schema.js';
export { validatePackageParameters, parameterDefaults, liveParameters, parameterSchemaIssues, PARAMETER_NAME } from './packages/package-parameters.js';
export { packageLimits, MANIFEST_FILE, ARCHIVE_RESOURCE } from './packages/package-limits.js';
export { packagePathProblem } from './packages/package-paths.js';
export { liquidParameterNames, liquidTemplateNames } from './packages/liquid-references.js';

// Deployments: the resources of one deployment (the API body's schema is in @stageflow/api-contract)
export type { DeploymentRequest, DeploymentResource } from './deployment/deployment-resources.js';
// A message name starts one process: conflicts inside a deployment or package, and with deployed processes
export type { MessageStart } from './deployment/message-start-conflicts.js';
export { messageStarts, conflictsWithinDeployment, conflictsWithDeployed } from './deployment/message-start-conflicts.js';

// Durations
export type { DurationParse } from './durations/iso-duration.js';
export { parseIsoDuration, maxMessageTtlSeconds } from './durations/iso-duration.js';
