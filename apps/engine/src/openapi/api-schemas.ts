// The named schemas of the API's OpenAPI document (components/schemas). Request bodies come from
// @stageflow/process-package, the schemas the validators use; responses describe the services'
// views (deployments.service, process-definitions.service, process-instances.service,
// tasks.service, api-error): change them together.
import type { SchemaObject } from '@nestjs/swagger';
import {
  actionSchemas,
  actionTemplateSchema,
  broadcastSignalRequestSchema,
  completeTaskRequestSchema,
  publishMessageRequestSchema,
  ruleSetSchema,
  deploymentRequestSchema,
  loginRequestSchema,
  maxDeploymentResources,
  startInstanceRequestSchema,
} from '@stageflow/process-package';
import { requestSchema } from './request-schema.js';

const string: SchemaObject = { type: 'string' };
const uuid: SchemaObject = { type: 'string', format: 'uuid' };
const instant: SchemaObject = { type: 'string', format: 'date-time' };
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
/** A reference to another schema of this table (checked by the openapi spec). */
const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, SchemaObject | { $ref: string }>, optional: readonly string[] = []): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((name) => !optional.includes(name)),
});
const page = (item: string): SchemaObject =>
  object({ items: { type: 'array', items: ref(item) }, total: { type: 'integer' }, offset: { type: 'integer' }, limit: { type: 'integer' } });
const variables: SchemaObject = { type: 'object', additionalProperties: true, description: 'Process variables: name -> JSON value.' };
const instanceState: SchemaObject = { type: 'string', enum: ['active', 'completed', 'terminated', 'incident'] };

const ruleSetSummary = object({
  id: uuid,
  key: string,
  version: { type: 'integer' },
  name: nullable(string),
  kind: { type: 'string', enum: ['territory', 'assignment', 'classification', 'actions'] },
  resourceName: string,
  deploymentId: uuid,
  contentHash: string,
  createdAt: instant,
});

const actionTemplateSummary = object({
  id: uuid,
  key: string,
  version: { type: 'integer' },
  name: nullable(string),
  actionType: { type: 'string', enum: Object.keys(actionSchemas) },
  resourceName: string,
  deploymentId: uuid,
  contentHash: string,
  createdAt: instant,
});

const processInstance = object({
  id: uuid,
  definitionId: uuid,
  definitionKey: string,
  version: { type: 'integer', description: 'Version of the process definition the instance runs.' },
  businessKey: nullable(string),
  state: instanceState,
  variables,
  activeElementIds: { type: 'array', items: string, description: 'Elements that hold a token.' },
  createdAt: instant,
  updatedAt: instant,
});

/** Set when a call activity of that instance started this one (a called process). */
const parentLink = { parentInstanceId: nullable(uuid), parentCallId: nullable(string) };

const strategy: SchemaObject = { type: 'string', enum: ['territoryOwner', 'roundRobin', 'leastOpenTasks', 'skillMatch', 'unsorted', 'manual'] };
const taskAssignment = nullable({
  ...object(
    {
      strategy: { ...strategy, description: 'The strategy that decided: `unsorted` when the requested one found nobody; `manual` when a manager assigned.' },
      requestedStrategy: strategy,
      reason: { type: 'string', description: 'Why this user (or why nobody), in words.' },
      ruleSet: nullable({ type: 'string', description: 'The assignment rule set (stageflow:assignment); null for a manual assignment.' }),
      by: { type: 'string', description: 'The manager, for a manual assignment.' },
    },
    ['by'],
  ),
  description: 'How the assignee was chosen (docs/rules.md#assignment); null for tasks assigned otherwise.',
});
const skills: SchemaObject = {
  type: 'array',
  items: { type: 'string', maxLength: 100 },
  maxItems: 50,
  description: 'Skill names; compared trimmed and case-insensitively by skillMatch.',
};
const team = object({ id: uuid, name: string, members: { type: 'array', items: string, description: 'Usernames, by name.' }, createdAt: instant });
const territory = object({
  key: { type: 'string', description: 'What a territory rule set result gives as `territory`.' },
  name: string,
  team: nullable({ type: 'string', description: 'The team name (its candidate group).' }),
  teamId: nullable(uuid),
  defaultOwner: nullable({ type: 'string', description: 'Username.' }),
  actions: { type: 'array', items: string, description: "Keys of the territory's actions rule sets." },
  createdAt: instant,
  updatedAt: instant,
});
const territoryFields = {
  name: { type: 'string', minLength: 1, maxLength: 255 },
  team: nullable({ type: 'string', description: 'Name of an existing team; null clears it.' }),
  defaultOwner: nullable({ type: 'string', description: 'Username of an existing user; null clears it.' }),
  actions: {
    type: 'array',
    items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$' },
    maxItems: 50,
    description: 'Keys of deployed actions rule sets.',
  },
} satisfies Record<string, SchemaObject>;

const task = object({
  id: uuid,
  name: nullable(string),
  elementId: string,
  processInstanceId: uuid,
  assignee: nullable(string),
  candidateGroups: { type: 'array', items: string },
  dueAt: nullable(instant),
  priority: nullable({ type: 'integer' }),
  formKey: nullable(string),
  createdAt: instant,
  state: { type: 'string', enum: ['created', 'completed', 'cancelled'] },
  completedAt: nullable(instant),
  completedBy: nullable(string),
  variables,
  assignment: taskAssignment,
  source: {
    type: 'string',
    enum: ['bpmn', 'action'],
    description: 'bpmn: a user task of the diagram; action: an ad-hoc task made by a createTask action (completing it does not move the instance).',
  },
  description: nullable(string),
});

export const apiSchemas = {
  // Request bodies (process-package)
  DeploymentRequest: requestSchema(deploymentRequestSchema),
  DeploymentUpload: {
    type: 'object',
    description: 'Multipart form of POST /deployments: every file part (any field name) is one resource, named by its file name.',
    properties: {
      name: { type: 'string', description: 'A name for the deployment (default: the first file name).' },
      files: { type: 'array', items: { type: 'string', format: 'binary' }, maxItems: maxDeploymentResources },
    },
    required: ['files'],
  } satisfies SchemaObject,
  StartInstanceRequest: requestSchema(startInstanceRequestSchema),
  CompleteTaskRequest: requestSchema(completeTaskRequestSchema),
  LoginRequest: requestSchema(loginRequestSchema),
  PublishMessageRequest: requestSchema(publishMessageRequestSchema),
  BroadcastSignalRequest: requestSchema(broadcastSignalRequestSchema),
  EvaluateRuleSetRequest: object(
    {
      facts: {
        type: 'object',
        additionalProperties: true,
        description: 'Fact name -> JSON value (as process variables would be). `__proto__`, `constructor` and `prototype` are refused.',
      },
      version: { type: 'integer', minimum: 1, description: 'The version to evaluate (default: the latest).' },
    },
    ['version'],
  ),
  TeamRequest: object({
    name: { type: 'string', minLength: 1, maxLength: 200, description: 'Also the candidate group of its members; `unsorted` is reserved.' },
  }),
  TeamMemberRequest: object({ username: string }),
  UserUpdateRequest: object({ skills }),
  TerritoryRequest: object(
    {
      key: { type: 'string', minLength: 1, maxLength: 255, description: 'What a territory rule set result gives as `territory`; no surrounding spaces.' },
      ...territoryFields,
    },
    ['team', 'defaultOwner', 'actions'],
  ),
  TerritoryUpdateRequest: {
    type: 'object',
    properties: territoryFields,
    minProperties: 1,
    description: 'Any of the fields; the key cannot change.',
  } satisfies SchemaObject,
  AssignTaskRequest: object({ assignee: { type: 'string', description: 'Username of an existing user.' } }),

  // Responses
  LoginResponse: object({ accessToken: string, tokenType: { type: 'string', enum: ['Bearer'] }, expiresIn: { type: 'integer', description: 'Seconds.' } }),
  Deployment: object({
    id: uuid,
    name: string,
    createdAt: instant,
    processDefinitions: { type: 'array', items: object({ id: uuid, key: string, version: { type: 'integer' }, name: nullable(string) }) },
    ruleSets: {
      type: 'array',
      items: object({ id: uuid, key: string, version: { type: 'integer' }, name: nullable(string) }),
      description: 'The rule sets (.rule-set.json) of the deployment.',
    },
    actionTemplates: {
      type: 'array',
      items: object({ id: uuid, key: string, version: { type: 'integer' }, name: nullable(string) }),
      description: 'The action templates (.action.json) of the deployment.',
    },
    contactPlans: {
      type: 'array',
      items: object({ id: uuid, key: string, version: { type: 'integer' }, name: nullable(string) }),
      description: 'The contact plans (.contact-plan.json) of the deployment.',
    },
    templates: {
      type: 'array',
      items: object({ id: uuid, key: string, version: { type: 'integer' }, name: nullable(string) }),
      description: 'The liquid templates (.liquid) of the deployment; the key is the file name without folders and .liquid.',
    },
  }),
  ProcessDefinition: object({
    id: uuid,
    key: string,
    version: { type: 'integer' },
    name: nullable(string),
    resourceName: string,
    deploymentId: uuid,
    contentHash: string,
    createdAt: instant,
  }),
  ProcessDefinitionPage: page('ProcessDefinition'),
  RuleSetSummary: ruleSetSummary,
  RuleSet: {
    ...ruleSetSummary,
    properties: {
      ...ruleSetSummary.properties,
      content: {
        type: 'object',
        additionalProperties: true,
        description: `The rule set document as deployed (docs/rules.md; JSON Schema ${String(ruleSetSchema.$id)}).`,
      },
    },
    required: [...(ruleSetSummary.required ?? []), 'content'],
  },
  RuleSetPage: page('RuleSetSummary'),
  ActionTemplateSummary: actionTemplateSummary,
  ActionTemplate: {
    ...actionTemplateSummary,
    properties: {
      ...actionTemplateSummary.properties,
      content: {
        type: 'object',
        additionalProperties: true,
        description: `The action template as deployed (docs/actions.md; JSON Schema ${String(actionTemplateSchema.$id)}).`,
      },
    },
    required: [...(actionTemplateSummary.required ?? []), 'content'],
  },
  ActionTemplatePage: page('ActionTemplateSummary'),
  Notification: object({
    id: uuid,
    message: string,
    processInstanceId: nullable(uuid),
    createdAt: instant,
    readAt: { ...instant, nullable: true, description: 'When the user marked it read; null while unread.' },
  }),
  NotificationPage: page('Notification'),
  RuleSetEvaluation: object({
    ruleSet: object({ id: uuid, key: string, version: { type: 'integer' } }),
    result: { description: 'What a business-rule task writes: hit policy first, the one result or null; all, the list of results.', nullable: true },
    matchedRuleIds: { type: 'array', items: string, description: 'In evaluation order (priority, then position).' },
    results: { type: 'array', items: { type: 'object', additionalProperties: true } },
    usedFallback: { type: 'boolean' },
    evaluatedAt: { ...instant, description: 'The `$now` the rules saw: the database clock.' },
    rules: {
      type: 'array',
      description: 'Every rule in evaluation order: matched, and the condition tree with `passed` (and `factValue`) on every node.',
      items: object({ id: string, priority: { type: 'integer' }, matched: { type: 'boolean' }, conditions: { type: 'object', additionalProperties: true } }),
    },
  }),
  ProcessInstance: processInstance,
  ProcessInstanceListItem: {
    ...processInstance,
    properties: { ...processInstance.properties, endedAt: nullable(instant), ...parentLink },
    required: [...(processInstance.required ?? []), 'endedAt', 'parentInstanceId', 'parentCallId'],
  },
  ProcessInstancePage: page('ProcessInstanceListItem'),
  Token: object(
    {
      id: string,
      elementId: string,
      scopeId: { type: 'string', description: '`root` or the scope instance of an embedded subprocess / multi-instance body.' },
      wait: { type: 'string', description: 'What the token waits for: task, join, subProcess, incident, async, calledProcess, action, multiInstance, catch.' },
      taskId: uuid,
      incidentId: string,
      actionId: { type: 'string', description: 'The action a service task waits for (wait: action).' },
    },
    ['wait', 'taskId', 'incidentId', 'actionId'],
  ),
  ProcessInstanceDetail: {
    ...processInstance,
    properties: {
      ...processInstance.properties,
      endedAt: nullable(instant),
      ...parentLink,
      tokens: { type: 'array', items: ref('Token') },
      incidents: { type: 'array', items: object({ id: string, elementId: nullable(string), kind: string, message: string, createdAt: instant }) },
    },
    required: [...(processInstance.required ?? []), 'endedAt', 'parentInstanceId', 'parentCallId', 'tokens', 'incidents'],
  },
  HistoryEvent: object({
    id: string,
    elementId: nullable(string),
    type: nullable({ type: 'string', description: 'BPMN element type, e.g. bpmn:UserTask.' }),
    event: { type: 'string', description: 'entered, left, taken, or a task, variable, incident or instance event.' },
    at: instant,
    payload: nullable({ type: 'object', additionalProperties: true }),
  }),
  HistoryEventList: object({ items: { type: 'array', items: ref('HistoryEvent') } }),
  ContactPlanProgressList: object({
    items: {
      type: 'array',
      items: object({
        planKey: string,
        contactPlanId: uuid,
        version: { type: 'integer' },
        name: string,
        elementId: { type: 'string', description: 'What started the plan: a service task, or <ruleSetKey>/<ruleId>.' },
        startedAt: instant,
        steps: {
          type: 'array',
          items: object({
            id: string,
            actionType: string,
            runAt: { ...instant, description: 'The plan start + the step offset (database clock).' },
            status: {
              type: 'string',
              enum: ['scheduled', 'done', 'failed', 'skipped'],
              description: 'skipped: the instance had ended when the step came due.',
            },
            outcome: nullable({ type: 'object', description: 'The recorded outcome ({kind, note?, errorCode?, message?}) once the step ran.' }),
          }),
        },
      }),
    },
  }),
  User: object({
    id: uuid,
    username: string,
    roles: { type: 'array', items: string },
    teamIds: { type: 'array', items: uuid },
    teams: { type: 'array', items: string },
    skills,
    createdAt: instant,
  }),
  UserList: object({ items: { type: 'array', items: ref('User') } }),
  Team: team,
  TeamList: object({ items: { type: 'array', items: ref('Team') } }),
  TeamMemberList: object({ items: { type: 'array', items: object({ id: uuid, username: string, roles: { type: 'array', items: string }, skills }) } }),
  Territory: territory,
  TerritoryList: object({ items: { type: 'array', items: ref('Territory') } }),
  Task: task,
  TaskPage: page('Task'),
  CompletedTask: {
    ...task,
    properties: { ...task.properties, processInstance: ref('ProcessInstance') },
    required: [...(task.required ?? []), 'processInstance'],
  },
  MessagePublished: object(
    {
      result: { type: 'string', enum: ['correlated', 'started', 'buffered'], description: '200 correlated, 201 started, 202 buffered.' },
      processInstanceId: uuid,
      subscriptionId: { type: 'string', description: 'correlated: the subscription the message went to.' },
      elementId: { type: 'string', description: 'correlated: the waiting element.' },
      startEventId: { type: 'string', description: 'started: the message start event.' },
      instance: ref('ProcessInstance'),
      messageId: { ...uuid, description: 'buffered: the kept message.' },
      createdAt: instant,
      expiresAt: { ...instant, description: 'buffered: created + ttl, by the database clock.' },
    },
    ['processInstanceId', 'subscriptionId', 'elementId', 'startEventId', 'instance', 'messageId', 'createdAt', 'expiresAt'],
  ),
  SignalBroadcast: object({
    signalId: uuid,
    name: string,
    deliveries: { type: 'integer', description: 'Instances with an open subscription: one deliverSignal job each.' },
    starts: { type: 'integer', description: 'Latest-version signal start events: one instance started each.' },
  }),
  OutboxEntry: object({
    id: uuid,
    processInstanceId: uuid,
    elementId: string,
    kind: { type: 'string', enum: ['message'] },
    name: string,
    correlationKey: nullable(string),
    payload: variables,
    createdAt: instant,
  }),
  OutboxPage: page('OutboxEntry'),
  Incident: object({
    id: uuid,
    processInstanceId: nullable(uuid),
    elementId: nullable(string),
    kind: { type: 'string', enum: ['interpreter', 'timeout', 'resource-limit', 'worker-crash', 'job'] },
    message: string,
    state: { type: 'string', enum: ['open', 'resolved'] },
    createdAt: instant,
    resolvedAt: nullable(instant),
    resolvedBy: nullable(string),
    job: nullable({
      ...object({ task: string, key: nullable(string), maxAttempts: { type: 'integer' } }),
      description: 'A job incident: the job that ran out of attempts (a retry queues it again).',
    }),
  }),
  IncidentPage: page('Incident'),
  Email: object({
    id: uuid,
    idempotencyKey: { type: 'string', description: 'The key it was queued with: queuing again with it changes nothing.' },
    processInstanceId: nullable(uuid),
    to: string,
    subject: string,
    body: { type: 'string', description: 'Plain text, as rendered by the action.' },
    messageId: { type: 'string', description: 'Derived from the idempotency key: a copy sent again after a crash carries the same one.' },
    status: {
      type: 'string',
      enum: ['queued', 'held', 'sent', 'failed'],
      description: 'held: no SMTP_URL configured; failed: attempts exhausted or refused for good (see the job incident).',
    },
    attempts: { type: 'integer' },
    lastError: nullable(string),
    smtpResponse: nullable({ ...string, description: "The SMTP server's reply to the accepted message." }),
    lastAttemptAt: nullable(instant),
    sentAt: nullable(instant),
    createdAt: instant,
  }),
  EmailPage: page('Email'),
  WebhookDelivery: object({
    id: uuid,
    idempotencyKey: { type: 'string', description: 'Sent as Stageflow-Idempotency-Key; queuing again with it changes nothing.' },
    processInstanceId: nullable(uuid),
    url: string,
    body: { type: 'string', description: 'The JSON text POSTed (and signed), as rendered by the action.' },
    secretName: nullable({ ...string, description: 'The name of the secret that signs the call (the secret itself stays in the engine configuration).' }),
    status: {
      type: 'string',
      enum: ['queued', 'delivered', 'failed'],
      description: 'failed: refused by policy, a permanent answer (4xx but 408/429, a redirect) or attempts exhausted (see the job incident).',
    },
    attempts: { type: 'integer' },
    lastError: nullable(string),
    lastStatusCode: nullable({ type: 'integer', description: "The receiver's last HTTP status." }),
    lastAttemptAt: nullable(instant),
    deliveredAt: nullable(instant),
    createdAt: instant,
  }),
  WebhookDeliveryPage: page('WebhookDelivery'),
  Error: object({
    error: {
      type: 'string',
      description: 'A stable code: bad_request, unauthorized, forbidden, not_found, conflict, payload_too_large, invalid_definition, ...',
    },
    message: string,
    details: {
      type: 'array',
      items: { type: 'object', additionalProperties: true },
      description:
        'For 400: [{path, message}]; for 422 of a deployment: [{resource, elementId, path, message}] (elementId: the BPMN element or the rule id; path: where in a rule set).',
    },
  }),
} satisfies Record<string, SchemaObject>;

export type ApiSchemaName = keyof typeof apiSchemas;
