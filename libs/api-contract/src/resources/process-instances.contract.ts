// POST /api/v1/process-definitions/key/{key}/start, GET /api/v1/process-instances (and /{id},
// /{id}/history), POST /api/v1/process-instances/{id}/cancel.
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
  page,
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

export const processInstancePageSchema = page('process-instance-page', processInstanceListItemSchema);

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
