// POST /api/v1/process-definitions/key/{key}/start, GET /api/v1/process-instances (and /{id},
// /{id}/history, /{id}/path, /waiting), PATCH /api/v1/process-instances/{id}/variables,
// POST /api/v1/process-instances/{id}/cancel.
import type { ProcessVariables } from '@stageflow/process-package';
import {
  array,
  described,
  instant,
  integer,
  named,
  nullable,
  object,
  list,
  optional,
  ref,
  string,
  stringEnum,
  uuid,
  variables,
  anyObject,
  type PropertiesOf,
} from '../schemas/json-schema.js';

export type ProcessInstanceState = 'active' | 'completed' | 'terminated' | 'incident';

/** An instance as a command left it (the answer of start and cancel). */
export interface ProcessInstanceView {
  id: string;
  definitionId: string;
  definitionKey: string;
  /** Version of the process definition the instance runs. */
  version: number;
  businessKey: string | null;
  state: ProcessInstanceState;
  variables: ProcessVariables;
  /** Elements that hold a token. */
  activeElementIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** An instance in a list: when it ended, and the call activity that started it (a called process). */
export interface ProcessInstanceListItemView extends ProcessInstanceView {
  endedAt: string | null;
  parentInstanceId: string | null;
  parentCallId: string | null;
}

export interface TokenView {
  id: string;
  elementId: string;
  /** `root` or the scope instance of an embedded subprocess / multi-instance body. */
  scopeId: string;
  /** What the token waits for: task, join, subProcess, incident, async, calledProcess, action, multiInstance, catch. */
  wait?: string;
  taskId?: string;
  incidentId?: string;
  /** The action a service task waits for (wait: action). */
  actionId?: string;
}

export interface InstanceIncidentView {
  id: string;
  elementId: string | null;
  kind: string;
  message: string;
  createdAt: string;
}

export interface ProcessInstanceDetailView extends ProcessInstanceListItemView {
  tokens: TokenView[];
  incidents: InstanceIncidentView[];
}

export interface HistoryEventView {
  id: string;
  elementId: string | null;
  /** BPMN element type, e.g. bpmn:UserTask. */
  type: string | null;
  /** entered, left, taken, or a task, variable, incident or instance event. */
  event: string;
  at: string;
  payload: Record<string, unknown> | null;
}

const instanceProperties: PropertiesOf<ProcessInstanceView> = {
  id: uuid,
  definitionId: uuid,
  definitionKey: string,
  version: described(integer, 'Version of the process definition the instance runs.'),
  businessKey: nullable(string),
  state: stringEnum(['active', 'completed', 'terminated', 'incident']),
  variables,
  activeElementIds: array(string, { description: 'Elements that hold a token.' }),
  createdAt: instant,
  updatedAt: instant,
};

/** Set when a call activity of that instance started this one (a called process). */
const listItemProperties: PropertiesOf<ProcessInstanceListItemView> = {
  ...instanceProperties,
  endedAt: nullable(instant),
  parentInstanceId: nullable(uuid),
  parentCallId: nullable(string),
};

export const processInstanceSchema = named<ProcessInstanceView>('process-instance', instanceProperties);

export const processInstanceListItemSchema = named<ProcessInstanceListItemView>('process-instance-list-item', listItemProperties);

/**
 * A page of the instance list, newest first. `nextCursor` asks for the page after this one
 * (`?cursor=`; null on the last page); a page asked for by cursor is an index walk from that row
 * and carries no `offset`. `total` counts every match (which reads every match): by default on a
 * page by offset only, `?count=true|false` to choose.
 */
export interface ProcessInstancePage {
  items: ProcessInstanceListItemView[];
  total?: number;
  offset?: number;
  limit: number;
  nextCursor: string | null;
}

export const processInstancePageSchema = named<ProcessInstancePage>('process-instance-page', {
  items: array(ref(processInstanceListItemSchema)),
  total: optional(described(integer, 'Every instance that matches (absent when not counted: count=false, or a page by cursor).')),
  offset: optional(integer),
  limit: integer,
  nextCursor: nullable(described(string, 'Give as `?cursor=` for the next page; null on the last page.')),
});

/** Where an instance has been and is: from its history, one row per element or sequence flow. */
export interface InstancePathView {
  /** Elements that hold a token now. */
  activeElementIds: string[];
  /** Every element entered at least once: how often it was entered and left (a loop or a retried task counts each time). */
  elements: { elementId: string; entered: number; left: number }[];
  /** Every sequence flow taken at least once, and how often. */
  flows: { flowId: string; taken: number }[];
}

export const instancePathSchema = named<InstancePathView>('instance-path', {
  activeElementIds: array(string, { description: 'Elements that hold a token now.' }),
  elements: array(object<InstancePathView['elements'][number]>({ elementId: string, entered: integer, left: integer })),
  flows: array(object<InstancePathView['flows'][number]>({ flowId: string, taken: integer })),
});

/** The running instances of one process version waiting at each element now (those the caller sees). */
export interface WaitingInstancesView {
  definitionKey: string;
  version: number;
  /** Elements holding a token of at least one running instance; `incidents`: how many of those instances are in incident. */
  items: { elementId: string; instances: number; incidents: number }[];
}

export const waitingInstancesSchema = named<WaitingInstancesView>('waiting-instances', {
  definitionKey: string,
  version: integer,
  items: array(object<WaitingInstancesView['items'][number]>({ elementId: string, instances: integer, incidents: integer })),
});

export const tokenSchema = named<TokenView>('token', {
  id: string,
  elementId: string,
  scopeId: described(string, '`root` or the scope instance of an embedded subprocess / multi-instance body.'),
  wait: optional(described(string, 'What the token waits for: task, join, subProcess, incident, async, calledProcess, action, multiInstance, catch.')),
  taskId: optional(uuid),
  incidentId: optional(string),
  actionId: optional(described(string, 'The action a service task waits for (wait: action).')),
});

export const processInstanceDetailSchema = named<ProcessInstanceDetailView>('process-instance-detail', {
  ...listItemProperties,
  tokens: array(ref(tokenSchema)),
  incidents: array(object<InstanceIncidentView>({ id: string, elementId: nullable(string), kind: string, message: string, createdAt: instant })),
});

export const historyEventSchema = named<HistoryEventView>('history-event', {
  id: string,
  elementId: nullable(string),
  type: nullable(described(string, 'BPMN element type, e.g. bpmn:UserTask.')),
  event: described(string, 'entered, left, taken, or a task, variable, incident or instance event.'),
  at: instant,
  payload: nullable(anyObject),
});

export const historyEventListSchema = list('history-event-list', historyEventSchema);
