import { apiContractSchemas, type ApiContractSchemaName } from './api-contract-schemas.js';
import type { AgendaView } from './resources/agenda.contract.js';
import type { BoardCardView, BoardView } from './resources/board.contract.js';
import type { DeploymentView } from './resources/deployments.contract.js';
import type { ApiErrorBody } from './resources/errors.contract.js';
import type { IncidentView } from './resources/incidents.contract.js';
import type { MessagePublishedView } from './resources/messages.contract.js';
import type { ProcessDefinitionDiagramView, ProcessDefinitionStatisticsList } from './resources/process-definitions.contract.js';
import type {
  HistoryEventView,
  InstancePathView,
  ProcessInstanceDetailView,
  ProcessInstancePage,
  ProcessInstanceView,
  WaitingInstancesView,
} from './resources/process-instances.contract.js';
import type { RuleSetEvaluationView } from './resources/rule-sets.contract.js';
import type { CompletedTaskView, TaskDetailView, TaskStageListView, TaskView } from './resources/tasks.contract.js';
import type { TaskFormView } from './resources/forms.contract.js';
import type { TerritoryView } from './resources/territories.contract.js';
import type { TimelinePageView } from './resources/timeline.contract.js';
import type { LoginResponse, SessionResponse } from './resources/auth.contract.js';
import type { PackageDeployedView, PackageParametersView, PackageView, ParameterChangePage } from './resources/packages.contract.js';
import type { ItemList, Page } from './schemas/json-schema.js';
import { contractIssues } from './schemas/contract-validator.js';

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = '2026-12-07T10:00:00.000Z';

// Typed examples: tsc checks them against the types, these specs against the schemas.
const instance: ProcessInstanceView = {
  id: id(1),
  definitionId: id(2),
  definitionKey: 'lead',
  version: 3,
  businessKey: null,
  state: 'active',
  variables: { customer: { name: 'Ada' } },
  activeElementIds: ['qualify'],
  createdAt: at,
  updatedAt: at,
};
const task: TaskView = {
  id: id(3),
  name: 'Qualify',
  elementId: 'qualify',
  processInstanceId: id(1),
  assignee: null,
  candidateGroups: ['sales'],
  dueAt: null,
  priority: null,
  formKey: null,
  createdAt: at,
  state: 'created',
  completedAt: null,
  completedBy: null,
  variables: {},
  assignment: { strategy: 'manual', requestedStrategy: 'roundRobin', reason: 'assigned by a manager', ruleSet: null, by: 'boss' },
  source: 'bpmn',
  description: null,
  record: { type: 'opportunity', id: '00000000-0000-4000-8000-0000000000aa', title: 'Fleet' },
};
const completed: CompletedTaskView = { ...task, state: 'completed', completedAt: at, completedBy: 'ada', processInstance: { ...instance, state: 'completed' } };
const detail: ProcessInstanceDetailView = {
  ...instance,
  endedAt: null,
  parentInstanceId: null,
  parentCallId: null,
  tokens: [{ id: 't1', elementId: 'qualify', scopeId: 'root', wait: 'task', taskId: id(3) }],
  incidents: [{ id: 'i1', elementId: null, kind: 'interpreter', message: 'boom', createdAt: at }],
};
const instancePage: ProcessInstancePage = {
  items: [{ ...instance, endedAt: null, parentInstanceId: null, parentCallId: null }],
  limit: 1,
  nextCursor: 'eyJhdCI6IjIw',
};
const instancePath: InstancePathView = {
  activeElementIds: ['qualify'],
  elements: [{ elementId: 'qualify', entered: 2, left: 1 }],
  flows: [{ flowId: 'f1', taken: 2 }],
};
const statistics: ProcessDefinitionStatisticsList = { items: [{ id: id(9), key: 'lead', version: 2, runningInstances: 40, instancesWithIncident: 1 }] };
const waiting: WaitingInstancesView = { definitionKey: 'lead', version: 3, items: [{ elementId: 'qualify', instances: 12, incidents: 1 }] };
const history: ItemList<HistoryEventView> = { items: [{ id: '1', elementId: 'start', type: 'bpmn:StartEvent', event: 'entered', at, payload: null }] };
const deployment: DeploymentView = {
  id: id(4),
  name: 'lead',
  createdAt: at,
  processDefinitions: [{ id: id(2), key: 'lead', version: 3, name: null }],
  ruleSets: [],
  actionTemplates: [],
  contactPlans: [],
  templates: [],
  customFields: [],
  forms: [{ id: id(6), key: 'first-contact', version: 1, name: 'First contact' }],
  created: true,
  warnings: [
    {
      resource: 'lead.bpmn',
      elementId: 'Shape_1',
      message: "Diagram shape 'Shape_1' points at 'gone', which the document does not contain: the shape is not drawn",
    },
    { resource: 'lead.bpmn', message: 'Documentation in a place BPMN does not allow (line 12): ignored' },
  ],
};
const formSchema = { type: 'object', properties: { reached: { type: 'boolean', title: 'Reached the buyer' } }, required: ['reached'] };
const taskForm: TaskFormView = {
  id: id(6),
  key: 'first-contact',
  version: 1,
  name: 'First contact',
  resourceName: 'forms/first-contact.form.json',
  deploymentId: id(4),
  createdAt: at,
  schema: formSchema,
};
const taskPage: Page<TaskView> = { items: [task], total: 1, offset: 0, limit: 50 };
const published: MessagePublishedView = { result: 'started', processInstanceId: id(1), startEventId: 'start', instance };
const incident: IncidentView = {
  id: id(5),
  processInstanceId: null,
  elementId: null,
  kind: 'job',
  message: 'out of attempts',
  state: 'open',
  createdAt: at,
  resolvedAt: null,
  resolvedBy: null,
  job: { task: 'sendEmail', key: null, maxAttempts: 5 },
};
const evaluation: RuleSetEvaluationView = {
  ruleSet: { id: id(6), key: 'territory', version: 1 },
  result: null,
  matchedRuleIds: [],
  results: [],
  usedFallback: false,
  evaluatedAt: at,
  rules: [{ id: 'r1', priority: 0, matched: false, conditions: { passed: false } }],
};
const territory: TerritoryView = {
  key: 'north',
  name: 'North',
  team: null,
  teamId: null,
  defaultOwner: 'ada',
  actions: [],
  createdAt: at,
  updatedAt: at,
};
const login: LoginResponse = { accessToken: 'a.b.c', tokenType: 'Bearer', expiresIn: 3600 };
const session: SessionResponse = {
  user: { id: id(1), username: 'ada', displayName: 'ada', roles: ['analyst'], teams: ['sales'] },
  csrfToken: 'c2Vzc2lvbg',
  expiresIn: 3600,
};
const error: ApiErrorBody = { error: 'bad_request', message: 'invalid body', details: [{ path: 'name', message: 'is required' }] };

const packageVersion = {
  name: 'lead',
  version: '1.2.0',
  description: 'Lead generation',
  active: true,
  contentHash: 'ab'.repeat(32),
  deploymentId: id(9),
  deployedBy: 'ada',
  deployedAt: at,
};
const packageDeployed: PackageDeployedView = {
  ...packageVersion,
  manifest: { name: 'lead', version: '1.2.0', resources: ['lead.bpmn'] },
  deployed: { processDefinitions: [{ id: id(2), key: 'lead', version: 3, name: null }], ruleSets: [] },
  created: true,
};
const packageView: PackageView = {
  name: 'lead',
  activeVersion: '1.2.0',
  description: null,
  parameterVersion: 2,
  createdAt: at,
  updatedBy: null,
  updatedAt: at,
  versions: [packageVersion],
};
const parameters: PackageParametersView = {
  name: 'lead',
  version: 2,
  packageVersion: '1.2.0',
  values: { firstContactSlaHours: 12 },
  live: ['firstContactSlaHours'],
  schema: { type: 'object' },
  changedBy: 'ada',
  changedAt: at,
};
const parameterChanges: ParameterChangePage = {
  items: [
    {
      version: 2,
      packageVersion: '1.2.0',
      reason: 'update',
      old: { firstContactSlaHours: 24 },
      new: { firstContactSlaHours: 12 },
      changedBy: 'ada',
      comment: 'Faster first contact for the spring campaign',
      changedAt: at,
    },
  ],
  total: 1,
  offset: 0,
  limit: 50,
};

const audit = { custom: {}, ownerId: id(7), teamId: null, version: 1, createdAt: at, updatedAt: at };
const call = { id: id(8), kind: 'call', subject: 'Call Ada', body: null, organizationId: null, contactId: id(9), leadId: null, opportunityId: null };
const activity = { ...call, dueAt: at, done: false, outcome: null, nextContactAt: null, ...audit };
const agenda: AgendaView = {
  timeZone: 'Europe/Berlin',
  now: at,
  today: { start: '2026-12-06T23:00:00.000Z', end: '2026-12-07T23:00:00.000Z' },
  activities: [{ ...activity, overdue: true }],
  meetings: [{ ...activity, kind: 'meeting', done: true }],
  tasks: [{ ...task, dueAt: at, overdue: false }],
  opportunities: [
    {
      id: id(10),
      name: 'Fleet',
      value: 12000.5,
      currency: 'EUR',
      expectedDecisionDate: '2027-01-31',
      probability: 40,
      stage: null,
      nextContactAt: null,
      organizationId: null,
      contactId: null,
      leadId: null,
      outcome: null,
      lostReason: null,
      outcomeComment: null,
      ...audit,
      overdue: false,
    },
  ],
};
const timeline: TimelinePageView = {
  items: [
    {
      at,
      kind: 'field-change',
      actor: { id: id(7), name: 'ada' },
      summary: 'value: 10000 → 12000',
      details: { field: 'value', old: 10000, new: 12000, source: 'user', sourceName: null, reason: null },
    },
    {
      at,
      kind: 'field-change',
      actor: { id: id(7), name: 'ada' },
      summary: 'organizationId: Acme → a record you may not see',
      details: { field: 'organizationId', old: id(12), new: id(13), source: 'user', sourceName: null, reason: null },
      names: { old: { name: 'Acme', record: { type: 'organization', id: id(12) }, visible: true }, new: { name: null, record: null, visible: false } },
    },
    { at, kind: 'email', summary: 'E-mail "Offer" to ada@example.com', details: { status: 'sent' }, ref: { type: 'email', id: id(11) } },
    {
      at,
      kind: 'activity',
      actor: { id: null, name: 'engine' },
      summary: 'call: Call Ada',
      details: {},
      ref: { type: 'activity', id: id(8), href: '/api/v1/activities/x' },
    },
  ],
  nextCursor: null,
};

const boardCard: BoardCardView = {
  id: id(20),
  name: 'Fleet renewal',
  value: 12000,
  currency: 'EUR',
  probability: 40,
  stage: 'Offer',
  outcome: null,
  organization: { id: id(21), name: 'Müller Logistik GmbH' },
  owner: { id: id(7), username: 'nora' },
  teamId: null,
  nextContactAt: at,
  expectedDecisionDate: '2027-01-15',
  stageEnteredAt: at,
  daysInStage: 15,
  idle: true,
  version: 3,
};
const board: BoardView = {
  processKey: 'opportunity-pipeline',
  stageIdleDays: 14,
  now: at,
  columns: [
    {
      stage: 'Offer',
      outcome: null,
      accepts: ['Negotiation', 'Lost'],
      totals: { count: 1, values: [{ currency: 'EUR', value: 12000, weighted: 4800 }] },
      cards: [boardCard],
      nextCursor: null,
    },
    { stage: 'Won', outcome: 'won', accepts: [], totals: { count: 0, values: [] }, cards: [], nextCursor: null },
  ],
};

const examples: [ApiContractSchemaName, unknown][] = [
  ['Board', board],
  ['BoardCardPage', { stage: 'Offer', items: [{ ...boardCard, organization: null, owner: null, value: null, currency: null }], nextCursor: 'abc' }],
  ['Agenda', agenda],
  ['TimelinePage', timeline],
  ['PackageDeployed', packageDeployed],
  ['Package', packageView],
  ['PackageParameters', parameters],
  ['ParameterChangePage', parameterChanges],
  ['ProcessInstance', instance],
  ['Task', task],
  ['TaskDetail', { ...task, formKey: 'first-contact', form: { key: 'first-contact', version: 1, schema: formSchema } } satisfies TaskDetailView],
  ['TaskDetail', { ...task, form: null } satisfies TaskDetailView],
  ['TaskForm', taskForm],
  ['CompletedTask', completed],
  ['ProcessInstanceDetail', detail],
  ['HistoryEventList', history],
  ['ProcessInstancePage', instancePage],
  ['ProcessInstancePage', { ...instancePage, total: 40, offset: 0, nextCursor: null } satisfies ProcessInstancePage],
  ['InstancePath', instancePath],
  ['WaitingInstances', waiting],
  ['ProcessDefinitionStatisticsList', statistics],
  [
    'ProcessDefinitionDiagram',
    {
      id: id(2),
      key: 'lead',
      version: 3,
      name: null,
      resourceName: 'lead.bpmn',
      deploymentId: id(4),
      contentHash: 'abc',
      createdAt: at,
      deployedBy: 'ana',
      xml: '<bpmn:definitions/>',
    } satisfies ProcessDefinitionDiagramView,
  ],
  ['Deployment', deployment],
  ['TaskPage', taskPage],
  ['TaskStageList', { items: [{ processKey: 'opportunity', processName: 'Opportunity', stages: ['Qualification', 'Offer'] }] } satisfies TaskStageListView],
  ['MessagePublished', published],
  ['Incident', incident],
  ['RuleSetEvaluation', evaluation],
  ['Territory', territory],
  ['LoginResponse', login],
  ['SessionResponse', session],
  ['Error', error],
];

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' && typeof value === 'string' ? [value] : refsIn(value)));
}

describe('apiContractSchemas', () => {
  it.each(examples)('given a typed %s example, when checked against its schema, then it is one', (name, value) => {
    expect(contractIssues(name, value)).toEqual([]);
  });

  it('given an agenda or a timeline that breaks its schema, when checked, then the place is named', () => {
    expect(contractIssues('Agenda', { ...agenda, activities: [{ ...activity }] })).toEqual([{ path: 'activities[0].overdue', message: 'is required' }]);
    expect(contractIssues('Agenda', { ...agenda, opportunities: [{ ...agenda.opportunities[0], outcome: 'maybe' }] })).toEqual([
      { path: 'opportunities[0].outcome', message: expect.stringContaining('must be one of') },
    ]);
    expect(contractIssues('TimelinePage', { ...timeline, items: [{ ...timeline.items[0], kind: 'rumour' }] })).toEqual([
      { path: 'items[0].kind', message: expect.stringContaining('must be one of') },
    ]);
  });

  it('given a task without a required property, when checked, then the property is named', () => {
    const { assignee: _assignee, ...withoutAssignee } = task;
    expect(contractIssues('Task', withoutAssignee)).toEqual([{ path: 'assignee', message: 'is required' }]);
  });

  it('given null where the type has none, when checked, then it is refused; where the type allows null, it passes', () => {
    expect(contractIssues('Task', { ...task, elementId: null })).toEqual([{ path: 'elementId', message: 'must be a string' }]);
    expect(contractIssues('Task', { ...task, name: null, dueAt: null, assignment: null })).toEqual([]);
  });

  it('given a value of another type or outside an enum, when checked, then it is refused', () => {
    expect(contractIssues('ProcessInstance', { ...instance, version: '3' })).toEqual([{ path: 'version', message: 'must be an integer' }]);
    expect(contractIssues('ProcessInstance', { ...instance, state: 'sleeping' })).toEqual([
      { path: 'state', message: 'must be one of "active", "completed", "terminated", "incident"' },
    ]);
    expect(contractIssues('CompletedTask', { ...completed, processInstance: { ...instance, id: 'not-a-uuid' } })).toEqual([
      { path: 'processInstance.id', message: 'must match format "uuid"' },
    ]);
  });

  it('given the table, when its $refs are followed, then each names the $id of a schema of the table', () => {
    const ids = Object.values(apiContractSchemas).map((schema) => (schema as { $id?: string }).$id);
    const refs = refsIn(apiContractSchemas).filter((ref) => !ref.startsWith('#/'));

    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ids).toContain(ref);
  });

  it('given the table, when the $ids are read, then every schema has a stageflow $id of its own', () => {
    const ids = Object.values(apiContractSchemas).map((schema) => (schema as { $id?: string }).$id);

    for (const schemaId of ids) expect(schemaId).toMatch(/^https:\/\/stageflow\.dev\/schema\/api\/[a-z-]+\.json$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('given every schema, when it goes through JSON, then it is unchanged (plain JSON for OpenAPI and export)', () => {
    expect(JSON.parse(JSON.stringify(apiContractSchemas))).toEqual(apiContractSchemas);
  });
});
