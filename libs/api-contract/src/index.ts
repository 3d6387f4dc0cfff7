// @stageflow/api-contract: the engine's HTTP API in one place — the request and response JSON
// Schemas with their TypeScript types, the request validators the controllers run, the table
// the OpenAPI document is generated from, and a typed client for the CLI and the web app.
// Pure: no file system, network (but the fetch it is given) or framework.

// Schema building blocks and the table of named schemas
export type {
  JsonSchema,
  NullableSchema,
  NonNullSchema,
  OptionalProperty,
  PropertiesOf,
  ObjectSchema,
  NamedSchema,
  Page,
  ItemList,
} from './schemas/json-schema.js';
export { apiSchemaId } from './schemas/json-schema.js';
export type { ApiContractSchema, ApiContractSchemaName } from './api-contract-schemas.js';
export { apiContractSchemas } from './api-contract-schemas.js';
export { contractIssues } from './schemas/contract-validator.js';

// Request bodies: schemas, types and validators
export type { DeploymentRequest, DeploymentResource } from './requests/deployment-request.schema.js';
export { deploymentRequestSchema, maxDeploymentResources } from './requests/deployment-request.schema.js';
export { validateDeploymentRequest, isDeploymentRequest } from './requests/deployment-request.validator.js';
export type { StartInstanceRequest } from './requests/start-instance-request.schema.js';
export { startInstanceRequestSchema } from './requests/start-instance-request.schema.js';
export { validateStartInstanceRequest, isStartInstanceRequest } from './requests/start-instance-request.validator.js';
export type { EditInstanceVariablesRequest } from './requests/edit-instance-variables-request.schema.js';
export { editInstanceVariablesRequestSchema } from './requests/edit-instance-variables-request.schema.js';
export { validateEditInstanceVariablesRequest, isEditInstanceVariablesRequest } from './requests/edit-instance-variables-request.validator.js';
export type { CompleteTaskRequest } from './requests/complete-task-request.schema.js';
export { completeTaskRequestSchema } from './requests/complete-task-request.schema.js';
export { validateCompleteTaskRequest, isCompleteTaskRequest } from './requests/complete-task-request.validator.js';
export type { LoginRequest } from './requests/login-request.schema.js';
export { loginRequestSchema } from './requests/login-request.schema.js';
export { validateLoginRequest, isLoginRequest } from './requests/login-request.validator.js';
export { variablesSchema } from './requests/variables.schema.js';
export type { PublishMessageRequest } from './requests/publish-message-request.schema.js';
export { publishMessageRequestSchema } from './requests/publish-message-request.schema.js';
export { validatePublishMessageRequest, isPublishMessageRequest, messageTtlSeconds } from './requests/publish-message-request.validator.js';
export type { BroadcastSignalRequest } from './requests/broadcast-signal-request.schema.js';
export { broadcastSignalRequestSchema } from './requests/broadcast-signal-request.schema.js';
export { validateBroadcastSignalRequest, isBroadcastSignalRequest } from './requests/broadcast-signal-request.validator.js';

// Resources: response (and other request) schemas with their types, one file per resource
export type { ActionTemplateSummaryView, ActionTemplateDetailView } from './resources/action-templates.contract.js';
export { actionTemplateSummarySchema, actionTemplateDetailSchema, actionTemplatePageSchema } from './resources/action-templates.contract.js';
export type { LoginResponse, SessionResponse, SessionUser } from './resources/auth.contract.js';
export { loginResponseSchema, sessionResponseSchema, sessionUserSchema } from './resources/auth.contract.js';
export type {
  ContactPlanProgressList,
  ContactPlanProgressView,
  ContactPlanStepProgressView,
  ContactPlanStepStatus,
  ContactPlanView,
  ContactPlanDetailView,
} from './resources/contact-plans.contract.js';
export { contactPlanProgressListSchema, contactPlanSummarySchema, contactPlanDetailSchema, contactPlanPageSchema } from './resources/contact-plans.contract.js';
export type { TemplatePreviewRequest, TemplatePreviewView, PreviewedStepView } from './resources/template-preview.contract.js';
export { templatePreviewRequestSchema, templatePreviewSchema } from './resources/template-preview.contract.js';
export type { DeployedVersion, DeploymentView, DeploymentWarning, DeploymentUploadForm, DeploymentValidationView } from './resources/deployments.contract.js';
export { deploymentSchema, deploymentUploadSchema, deploymentValidationSchema } from './resources/deployments.contract.js';
export type { EmailView, EmailStatus } from './resources/emails.contract.js';
export { emailSchema, emailPageSchema } from './resources/emails.contract.js';
export type { ApiErrorBody } from './resources/errors.contract.js';
export { apiErrorSchema } from './resources/errors.contract.js';
export type { IncidentView, IncidentJobView, IncidentKind, IncidentState } from './resources/incidents.contract.js';
export { incidentSchema, incidentPageSchema } from './resources/incidents.contract.js';
export type { MessagePublishedView, MessagePublishResult, OutboxEntryView } from './resources/messages.contract.js';
export { messagePublishedSchema, outboxEntrySchema, outboxPageSchema } from './resources/messages.contract.js';
export type { NotificationView } from './resources/notifications.contract.js';
export { notificationSchema, notificationPageSchema } from './resources/notifications.contract.js';
export type {
  PackageSummaryView,
  PackageVersionSummaryView,
  PackageVersionView,
  PackageDeployedView,
  PackageView,
  PackageList,
  PackageVersionList,
  DeployedResources,
  OrphanedInstanceView,
  PackageRollbackRequest,
  PackageRollbackView,
  PackageParametersView,
  PackageParametersValidationView,
  PackageParametersRequest,
  ParameterChangeView,
  ParameterChangePage,
  ParameterChangeReason,
} from './resources/packages.contract.js';
export {
  packageSummarySchema,
  packageSchema,
  packageListSchema,
  packageVersionSummarySchema,
  packageVersionSchema,
  packageVersionListSchema,
  packageDeployedSchema,
  packageRollbackRequestSchema,
  packageRollbackSchema,
  packageParametersSchema,
  packageParametersValidationSchema,
  packageParametersRequestSchema,
  parameterChangeSchema,
  parameterChangePageSchema,
} from './resources/packages.contract.js';
export type {
  ProcessDefinitionView,
  ProcessDefinitionDiagramView,
  ProcessDefinitionStatisticsView,
  ProcessDefinitionStatisticsList,
  MessageNameList,
} from './resources/process-definitions.contract.js';
export {
  processDefinitionSchema,
  processDefinitionDiagramSchema,
  processDefinitionPageSchema,
  processDefinitionStatisticsSchema,
  processDefinitionStatisticsListSchema,
  messageNameListSchema,
} from './resources/process-definitions.contract.js';
export type {
  ProcessInstanceView,
  ProcessInstanceListItemView,
  ProcessInstanceDetailView,
  ProcessInstanceState,
  TokenView,
  InstanceIncidentView,
  HistoryEventView,
  ProcessInstancePage,
  InstancePathView,
  WaitingInstancesView,
} from './resources/process-instances.contract.js';
export {
  processInstanceSchema,
  processInstanceListItemSchema,
  processInstancePageSchema,
  processInstanceDetailSchema,
  tokenSchema,
  historyEventSchema,
  historyEventListSchema,
  instancePathSchema,
  waitingInstancesSchema,
} from './resources/process-instances.contract.js';
export type {
  RuleSetSummaryView,
  RuleSetDetailView,
  RuleSetEvaluationView,
  RuleSetDraftEvaluationView,
  EvaluatedRule,
  EvaluateRuleSetRequest,
  EvaluateRuleSetDraftRequest,
} from './resources/rule-sets.contract.js';
export {
  ruleSetSummarySchema,
  ruleSetDetailSchema,
  ruleSetPageSchema,
  ruleSetEvaluationSchema,
  evaluateRuleSetRequestSchema,
  evaluateRuleSetDraftRequestSchema,
  ruleSetDraftEvaluationSchema,
} from './resources/rule-sets.contract.js';
export type { SignalBroadcastView } from './resources/signals.contract.js';
export { signalBroadcastSchema } from './resources/signals.contract.js';
export type {
  TaskView,
  CompletedTaskView,
  TaskDetailView,
  TaskAssignmentView,
  TaskState,
  TaskSource,
  AssignmentStrategy,
  AssignTaskRequest,
  TaskStageListView,
  TaskStagesOfProcessView,
} from './resources/tasks.contract.js';
export {
  taskSchema,
  taskDetailSchema,
  taskPageSchema,
  completedTaskSchema,
  assignTaskRequestSchema,
  taskStageListSchema,
  TASK_STAGE_MAX_LENGTH,
} from './resources/tasks.contract.js';
export type { TaskFormView, TaskFormRef, TaskFormSummaryView, TaskFormValidationView } from './resources/forms.contract.js';
export { taskFormSchema, taskFormRefSchema, taskFormSummarySchema, taskFormListSchema, taskFormValidationSchema } from './resources/forms.contract.js';
export type { TeamView, TeamList, TeamMemberView, TeamMemberList, TeamRequest, TeamMemberRequest } from './resources/teams.contract.js';
export { teamSchema, teamListSchema, teamMemberListSchema, teamRequestSchema, teamMemberRequestSchema } from './resources/teams.contract.js';
export type { TerritoryView, TerritoryRequest, TerritoryUpdateRequest } from './resources/territories.contract.js';
export { territorySchema, territoryListSchema, territoryRequestSchema, territoryUpdateRequestSchema } from './resources/territories.contract.js';
export type { UserView, UserUpdateRequest, PasswordChangeRequest, PasswordResetRequest } from './resources/users.contract.js';
export { userSchema, userListSchema, userUpdateRequestSchema } from './resources/users.contract.js';
export type { WebhookDeliveryView, WebhookDeliveryStatus } from './resources/webhooks.contract.js';
export { webhookDeliverySchema, webhookDeliveryPageSchema } from './resources/webhooks.contract.js';

// The typed client
export type {
  StageflowClient,
  StageflowClientOptions,
  Paging,
  ProcessDefinitionQuery,
  ProcessInstanceQuery,
  TaskQuery,
  IncidentQuery,
  RuleSetQuery,
  UploadFile,
} from './client/stageflow-client.js';
export { createStageflowClient } from './client/stageflow-client.js';
export type { PackagesClient } from './client/packages-client.js';
export { ApiClientError, isApiErrorBody } from './client/api-client-error.js';

// CRM answers: the seller's agenda and a record's timeline
export type { RecordView } from './resources/record-views.contract.js';
export type { AgendaView, AgendaRecordView, AgendaTaskView } from './resources/agenda.contract.js';
export { agendaSchema } from './resources/agenda.contract.js';
export type {
  TimelineEntryView,
  TimelinePageView,
  TimelineKind,
  TimelineActorView,
  TimelineRefView,
  TimelineNameView,
  TimelineNamesView,
} from './resources/timeline.contract.js';
export { TIMELINE_KINDS, timelineEntrySchema, timelinePageSchema } from './resources/timeline.contract.js';
export type { BoardView, BoardColumnView, BoardCardView, BoardCardPageView, BoardTotalsView, BoardMoneyView } from './resources/board.contract.js';
export { boardSchema, boardCardSchema, boardCardPageSchema } from './resources/board.contract.js';

// CRM records: the record types and their fields, the bodies' schemas and their validator
export type { RecordField, RecordFieldKind, RecordTypeDefinition, RecordTypeName } from './records/record-field.js';
export { RECORD_TYPES, LEAD_CLASSIFICATIONS, organizationType, contactType, leadType, opportunityType, activityType } from './records/record-types.js';
export { createBodySchema, updateBodySchema, processBodySchema, recordSchema, fieldValueSchema } from './records/record-body-schema.js';
export { recordBodyIssues, type RecordBody } from './records/record-body-validator.js';
