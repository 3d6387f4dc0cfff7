import { completeTaskRequestSchema, deploymentRequestSchema, loginRequestSchema, startInstanceRequestSchema } from '@stageflow/api-contract';
import { setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();

interface Operation {
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
  security?: Record<string, string[]>[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { properties?: Record<string, Record<string, unknown>>; required?: string[]; additionalProperties?: unknown }>;
    securitySchemes: Record<string, Record<string, unknown>>;
  };
}

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });

describe('OpenAPI document', () => {
  let doc: OpenApiDocument;
  const op = (method: string, path: string): Operation => {
    const operation = doc.paths[`/api/v1${path}`]?.[method];
    if (!operation) throw new Error(`${method} ${path} is not in the document`);
    return operation;
  };
  const body = (method: string, path: string, type = 'application/json'): unknown => op(method, path).requestBody?.content[type]?.schema;
  const response = (method: string, path: string, status: number): unknown => op(method, path).responses[String(status)]?.content?.['application/json']?.schema;

  beforeAll(async () => {
    const fetched = await suite.http().get('/api/docs-json');
    expect(fetched.status).toBe(200);
    doc = fetched.body as OpenApiDocument;
  });

  it('given the request bodies, when read, then each operation names the process-package schema its validator uses', () => {
    expect(body('post', '/deployments')).toEqual(ref('DeploymentRequest'));
    expect(body('post', '/deployments', 'multipart/form-data')).toEqual(ref('DeploymentUpload'));
    expect(body('post', '/process-definitions/key/{key}/start')).toEqual(ref('StartInstanceRequest'));
    expect(body('post', '/tasks/{id}/complete')).toEqual(ref('CompleteTaskRequest'));
    expect(body('post', '/auth/login')).toEqual(ref('LoginRequest'));
    expect(body('post', '/messages')).toEqual(ref('PublishMessageRequest'));
    expect(body('post', '/signals')).toEqual(ref('BroadcastSignalRequest'));

    const schemas = doc.components.schemas;
    expect(schemas.DeploymentRequest?.properties?.resources).toMatchObject({ maxItems: deploymentRequestSchema.properties.resources.maxItems });
    expect(schemas.StartInstanceRequest?.properties?.businessKey).toMatchObject({ maxLength: startInstanceRequestSchema.definitions!.businessKey!.maxLength });
    expect(schemas.CompleteTaskRequest?.additionalProperties).toBe(completeTaskRequestSchema.additionalProperties);
    expect(schemas.LoginRequest?.required).toEqual(loginRequestSchema.required);
    expect(schemas.DeploymentUpload?.properties?.files).toMatchObject({ type: 'array', items: { type: 'string', format: 'binary' } });
  });

  it('given the main resources, when read, then their operations answer with named response schemas', () => {
    expect(response('post', '/deployments', 201)).toEqual(ref('Deployment'));
    expect(response('get', '/process-definitions', 200)).toEqual(ref('ProcessDefinitionPage'));
    expect(response('get', '/process-definitions/{id}', 200)).toEqual(ref('ProcessDefinition'));
    expect(response('post', '/process-definitions/key/{key}/start', 201)).toEqual(ref('ProcessInstance'));
    expect(response('get', '/process-instances', 200)).toEqual(ref('ProcessInstancePage'));
    expect(response('get', '/process-instances/{id}', 200)).toEqual(ref('ProcessInstanceDetail'));
    expect(response('get', '/process-instances/{id}/history', 200)).toEqual(ref('HistoryEventList'));
    expect(response('get', '/process-instances/{id}/contact-plans', 200)).toEqual(ref('ContactPlanProgressList'));
    expect(response('get', '/tasks', 200)).toEqual(ref('TaskPage'));
    expect(response('get', '/tasks/{id}', 200)).toEqual(ref('TaskDetail'));
    expect(response('post', '/tasks/{id}/complete', 200)).toEqual(ref('CompletedTask'));
    expect(response('post', '/auth/login', 200)).toEqual(ref('LoginResponse'));
    for (const status of [200, 201, 202]) expect(response('post', '/messages', status)).toEqual(ref('MessagePublished'));
    expect(response('post', '/messages', 409)).toEqual(ref('Error'));
    expect(response('post', '/signals', 202)).toEqual(ref('SignalBroadcast'));
    expect(response('get', '/outbox', 200)).toEqual(ref('OutboxPage'));
    expect(response('get', '/incidents', 200)).toEqual(ref('IncidentPage'));
    expect(response('get', '/incidents/{id}', 200)).toEqual(ref('Incident'));
    expect(response('post', '/incidents/{id}/retry', 200)).toEqual(ref('Incident'));
    expect(response('post', '/incidents/{id}/retry', 409)).toEqual(ref('Error'));
    expect(response('get', '/action-templates', 200)).toEqual(ref('ActionTemplatePage'));
    expect(response('get', '/action-templates/{id}', 200)).toEqual(ref('ActionTemplate'));
    expect(response('get', '/notifications', 200)).toEqual(ref('NotificationPage'));
    expect(response('post', '/notifications/{id}/read', 200)).toEqual(ref('Notification'));
    expect(response('get', '/emails', 200)).toEqual(ref('EmailPage'));
    expect(response('get', '/emails', 403)).toEqual(ref('Error'));
    expect(response('get', '/webhooks/deliveries', 200)).toEqual(ref('WebhookDeliveryPage'));

    const schemas = doc.components.schemas;
    expect(schemas.PublishMessageRequest?.required).toEqual(['name']);
    expect(Object.keys(schemas.ProcessInstanceDetail?.properties ?? {})).toEqual(
      expect.arrayContaining(['state', 'variables', 'activeElementIds', 'tokens', 'incidents', 'parentInstanceId', 'parentCallId']),
    );
    expect(schemas.HistoryEvent?.required).toEqual(['id', 'elementId', 'type', 'event', 'at', 'payload']);
    expect(schemas.Task?.required).toEqual(
      expect.arrayContaining(['name', 'elementId', 'processInstanceId', 'assignee', 'candidateGroups', 'dueAt', 'priority', 'formKey', 'createdAt']),
    );
  });

  it('given teams, territories and task assignment, when read, then their operations name their bodies and responses', () => {
    expect(body('post', '/teams')).toEqual(ref('TeamRequest'));
    expect(response('post', '/teams', 201)).toEqual(ref('Team'));
    expect(response('get', '/teams', 200)).toEqual(ref('TeamList'));
    expect(response('patch', '/teams/{id}', 409)).toEqual(ref('Error'));
    expect(op('delete', '/teams/{id}').responses['204']).toBeDefined();
    expect(body('post', '/teams/{id}/members')).toEqual(ref('TeamMemberRequest'));
    expect(response('get', '/teams/{id}/members', 200)).toEqual(ref('TeamMemberList'));
    expect(response('delete', '/teams/{id}/members/{username}', 200)).toEqual(ref('Team'));
    expect(body('patch', '/users/{id}')).toEqual(ref('UserUpdateRequest'));
    expect(response('patch', '/users/{id}', 200)).toEqual(ref('User'));
    expect(response('get', '/users', 200)).toEqual(ref('UserList'));
    expect(doc.components.schemas.User?.required).toContain('skills');
    expect(body('post', '/territories')).toEqual(ref('TerritoryRequest'));
    expect(response('post', '/territories', 201)).toEqual(ref('Territory'));
    expect(response('get', '/territories', 200)).toEqual(ref('TerritoryList'));
    expect(body('patch', '/territories/{key}')).toEqual(ref('TerritoryUpdateRequest'));
    expect(op('delete', '/territories/{key}').responses['204']).toBeDefined();
    expect(body('post', '/tasks/{id}/assign')).toEqual(ref('AssignTaskRequest'));
    expect(response('post', '/tasks/{id}/assign', 200)).toEqual(ref('Task'));
    expect(doc.components.schemas.Task?.required).toContain('assignment');
  });

  it('given the seller’s agenda and a record’s timeline, when read, then they answer with their named schemas', () => {
    expect(response('get', '/me/agenda', 200)).toEqual(ref('Agenda'));
    expect(response('get', '/me/agenda', 400)).toEqual(ref('Error'));
    for (const records of ['organizations', 'contacts', 'leads', 'opportunities', 'activities']) {
      expect(response('get', `/${records}/{id}/timeline`, 200)).toEqual(ref('TimelinePage'));
      expect(response('get', `/${records}/{id}/timeline`, 404)).toEqual(ref('Error'));
    }
    const schemas = doc.components.schemas;
    expect(schemas.Agenda?.required).toEqual(['timeZone', 'now', 'today', 'activities', 'meetings', 'tasks', 'opportunities']);
    expect(schemas.Agenda?.properties?.activities).toMatchObject({ type: 'array', items: ref('AgendaActivity') });
    expect(schemas.AgendaActivity?.required).toEqual(expect.arrayContaining(['id', 'kind', 'overdue']));
    expect(schemas.AgendaTask?.required).toEqual(expect.arrayContaining(['elementId', 'overdue']));
    expect(schemas.AgendaOpportunity?.properties?.value).toBeDefined();
    expect(schemas.TimelinePage?.properties?.items).toMatchObject({ type: 'array', items: ref('TimelineEntry') });
    expect(schemas.TimelineEntry?.required).toEqual(['at', 'kind', 'summary', 'details']);
    expect(schemas.TimelineEntry?.properties?.kind).toMatchObject({ enum: expect.arrayContaining(['field-change', 'task-completed']) });
  });

  it('given the error statuses, when read, then they answer with the Error body {error, message, details}', () => {
    expect(response('post', '/deployments', 422)).toEqual(ref('Error'));
    expect(response('post', '/process-definitions/key/{key}/start', 400)).toEqual(ref('Error'));
    expect(response('post', '/tasks/{id}/complete', 409)).toEqual(ref('Error'));
    expect(response('get', '/process-instances/{id}', 404)).toEqual(ref('Error'));
    expect(doc.components.schemas.Error?.required).toEqual(['error', 'message', 'details']);
  });

  it('given the bearer and session schemes, when read, then they are declared and either is required by the protected operations but not by login', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'stageflow_session' });
    expect(op('get', '/tasks').security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(op('post', '/deployments').security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(op('post', '/auth/login').security).toBeUndefined();
    expect(op('post', '/auth/session').security).toBeUndefined();
    expect(op('get', '/auth/session').security).toEqual([{ session: [] }]);
    expect(response('post', '/auth/session', 200)).toEqual(ref('SessionResponse'));
  });
});
