// Every named schema of the API, by the name the OpenAPI document gives it (components/schemas):
// the request bodies the validators check and the responses the engine answers with. The
// engine's OpenAPI document is generated from this table; a schema refers to another by its
// `$id`, which the document turns into a `#/components/schemas/<name>` reference.
import { broadcastSignalRequestSchema } from './requests/broadcast-signal-request.schema.js';
import { completeTaskRequestSchema } from './requests/complete-task-request.schema.js';
import { deploymentRequestSchema } from './requests/deployment-request.schema.js';
import { loginRequestSchema } from './requests/login-request.schema.js';
import { publishMessageRequestSchema } from './requests/publish-message-request.schema.js';
import { startInstanceRequestSchema } from './requests/start-instance-request.schema.js';
import { editInstanceVariablesRequestSchema } from './requests/edit-instance-variables-request.schema.js';
import { boardCardPageSchema, boardCardSchema, boardSchema } from './resources/board.contract.js';
import { agendaActivitySchema, agendaMeetingSchema, agendaOpportunitySchema, agendaSchema, agendaTaskSchema } from './resources/agenda.contract.js';
import { actionTemplateDetailSchema, actionTemplatePageSchema, actionTemplateSummarySchema } from './resources/action-templates.contract.js';
import { loginResponseSchema, sessionResponseSchema, sessionUserSchema } from './resources/auth.contract.js';
import { contactPlanDetailSchema, contactPlanPageSchema, contactPlanProgressListSchema, contactPlanSummarySchema } from './resources/contact-plans.contract.js';
import { templatePreviewRequestSchema, templatePreviewSchema } from './resources/template-preview.contract.js';
import { deploymentSchema, deploymentUploadSchema, deploymentValidationSchema } from './resources/deployments.contract.js';
import { emailPageSchema, emailSchema } from './resources/emails.contract.js';
import { apiErrorSchema } from './resources/errors.contract.js';
import { incidentPageSchema, incidentSchema } from './resources/incidents.contract.js';
import { messagePublishedSchema, outboxEntrySchema, outboxPageSchema } from './resources/messages.contract.js';
import { notificationPageSchema, notificationSchema } from './resources/notifications.contract.js';
import {
  packageDeployedSchema,
  packageListSchema,
  packageParametersRequestSchema,
  packageParametersSchema,
  packageParametersValidationSchema,
  packageRollbackRequestSchema,
  packageRollbackSchema,
  packageSchema,
  packageSummarySchema,
  packageVersionListSchema,
  packageVersionSchema,
  packageVersionSummarySchema,
  parameterChangePageSchema,
  parameterChangeSchema,
} from './resources/packages.contract.js';
import {
  messageNameListSchema,
  processDefinitionDiagramSchema,
  processDefinitionPageSchema,
  processDefinitionSchema,
  processDefinitionStatisticsListSchema,
  processDefinitionStatisticsSchema,
} from './resources/process-definitions.contract.js';
import {
  instancePathSchema,
  waitingInstancesSchema,
  historyEventListSchema,
  historyEventSchema,
  processInstanceDetailSchema,
  processInstanceListItemSchema,
  processInstancePageSchema,
  processInstanceSchema,
  tokenSchema,
} from './resources/process-instances.contract.js';
import {
  evaluateRuleSetRequestSchema,
  evaluateRuleSetDraftRequestSchema,
  ruleSetDraftEvaluationSchema,
  ruleSetDetailSchema,
  ruleSetEvaluationSchema,
  ruleSetPageSchema,
  ruleSetSummarySchema,
} from './resources/rule-sets.contract.js';
import { signalBroadcastSchema } from './resources/signals.contract.js';
import { assignTaskRequestSchema, completedTaskSchema, taskDetailSchema, taskPageSchema, taskSchema, taskStageListSchema } from './resources/tasks.contract.js';
import { taskFormListSchema, taskFormSchema, taskFormSummarySchema, taskFormValidationSchema } from './resources/forms.contract.js';
import { teamListSchema, teamMemberListSchema, teamMemberRequestSchema, teamRequestSchema, teamSchema } from './resources/teams.contract.js';
import { timelineEntrySchema, timelinePageSchema } from './resources/timeline.contract.js';
import { territoryListSchema, territoryRequestSchema, territorySchema, territoryUpdateRequestSchema } from './resources/territories.contract.js';
import { passwordChangeRequestSchema, passwordResetRequestSchema, userListSchema, userSchema, userUpdateRequestSchema } from './resources/users.contract.js';
import { webhookDeliveryPageSchema, webhookDeliverySchema } from './resources/webhooks.contract.js';

/** A schema of the table: a JSON Schema (draft-07) object, named by its `$id`. */
export type ApiContractSchema = object & { readonly $id?: string };

export const apiContractSchemas = {
  // Request bodies
  DeploymentRequest: deploymentRequestSchema,
  DeploymentUpload: deploymentUploadSchema,
  StartInstanceRequest: startInstanceRequestSchema,
  EditInstanceVariablesRequest: editInstanceVariablesRequestSchema,
  CompleteTaskRequest: completeTaskRequestSchema,
  LoginRequest: loginRequestSchema,
  PublishMessageRequest: publishMessageRequestSchema,
  BroadcastSignalRequest: broadcastSignalRequestSchema,
  EvaluateRuleSetRequest: evaluateRuleSetRequestSchema,
  EvaluateRuleSetDraftRequest: evaluateRuleSetDraftRequestSchema,
  TeamRequest: teamRequestSchema,
  TeamMemberRequest: teamMemberRequestSchema,
  UserUpdateRequest: userUpdateRequestSchema,
  PasswordChangeRequest: passwordChangeRequestSchema,
  PasswordResetRequest: passwordResetRequestSchema,
  TerritoryRequest: territoryRequestSchema,
  TerritoryUpdateRequest: territoryUpdateRequestSchema,
  AssignTaskRequest: assignTaskRequestSchema,
  PackageRollbackRequest: packageRollbackRequestSchema,
  PackageParametersRequest: packageParametersRequestSchema,
  TemplatePreviewRequest: templatePreviewRequestSchema,

  // Responses
  LoginResponse: loginResponseSchema,
  SessionResponse: sessionResponseSchema,
  SessionUser: sessionUserSchema,
  Agenda: agendaSchema,
  AgendaActivity: agendaActivitySchema,
  AgendaMeeting: agendaMeetingSchema,
  AgendaTask: agendaTaskSchema,
  AgendaOpportunity: agendaOpportunitySchema,
  TimelineEntry: timelineEntrySchema,
  Board: boardSchema,
  BoardCard: boardCardSchema,
  BoardCardPage: boardCardPageSchema,
  TimelinePage: timelinePageSchema,
  Deployment: deploymentSchema,
  DeploymentValidation: deploymentValidationSchema,
  ProcessDefinition: processDefinitionSchema,
  ProcessDefinitionDiagram: processDefinitionDiagramSchema,
  ProcessDefinitionPage: processDefinitionPageSchema,
  MessageNameList: messageNameListSchema,
  RuleSetSummary: ruleSetSummarySchema,
  RuleSet: ruleSetDetailSchema,
  RuleSetPage: ruleSetPageSchema,
  ActionTemplateSummary: actionTemplateSummarySchema,
  ActionTemplate: actionTemplateDetailSchema,
  ActionTemplatePage: actionTemplatePageSchema,
  Notification: notificationSchema,
  NotificationPage: notificationPageSchema,
  RuleSetEvaluation: ruleSetEvaluationSchema,
  RuleSetDraftEvaluation: ruleSetDraftEvaluationSchema,
  ProcessInstance: processInstanceSchema,
  ProcessInstanceListItem: processInstanceListItemSchema,
  ProcessInstancePage: processInstancePageSchema,
  Token: tokenSchema,
  ProcessInstanceDetail: processInstanceDetailSchema,
  HistoryEvent: historyEventSchema,
  HistoryEventList: historyEventListSchema,
  InstancePath: instancePathSchema,
  WaitingInstances: waitingInstancesSchema,
  ProcessDefinitionStatistics: processDefinitionStatisticsSchema,
  ProcessDefinitionStatisticsList: processDefinitionStatisticsListSchema,
  ContactPlanProgressList: contactPlanProgressListSchema,
  ContactPlanSummary: contactPlanSummarySchema,
  ContactPlan: contactPlanDetailSchema,
  ContactPlanPage: contactPlanPageSchema,
  TemplatePreview: templatePreviewSchema,
  User: userSchema,
  UserList: userListSchema,
  Team: teamSchema,
  TeamList: teamListSchema,
  TeamMemberList: teamMemberListSchema,
  Territory: territorySchema,
  TerritoryList: territoryListSchema,
  Task: taskSchema,
  TaskDetail: taskDetailSchema,
  TaskForm: taskFormSchema,
  TaskFormSummary: taskFormSummarySchema,
  TaskFormList: taskFormListSchema,
  TaskFormValidation: taskFormValidationSchema,
  TaskPage: taskPageSchema,
  TaskStageList: taskStageListSchema,
  CompletedTask: completedTaskSchema,
  MessagePublished: messagePublishedSchema,
  SignalBroadcast: signalBroadcastSchema,
  OutboxEntry: outboxEntrySchema,
  OutboxPage: outboxPageSchema,
  Incident: incidentSchema,
  IncidentPage: incidentPageSchema,
  Email: emailSchema,
  EmailPage: emailPageSchema,
  WebhookDelivery: webhookDeliverySchema,
  WebhookDeliveryPage: webhookDeliveryPageSchema,
  PackageSummary: packageSummarySchema,
  Package: packageSchema,
  PackageList: packageListSchema,
  PackageVersionSummary: packageVersionSummarySchema,
  PackageVersion: packageVersionSchema,
  PackageVersionList: packageVersionListSchema,
  PackageDeployed: packageDeployedSchema,
  PackageRollback: packageRollbackSchema,
  PackageParameters: packageParametersSchema,
  PackageParametersValidation: packageParametersValidationSchema,
  ParameterChange: parameterChangeSchema,
  ParameterChangePage: parameterChangePageSchema,
  Error: apiErrorSchema,
} satisfies Record<string, ApiContractSchema>;

export type ApiContractSchemaName = keyof typeof apiContractSchemas;
