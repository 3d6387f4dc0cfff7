// A typed client of the engine's HTTP API (/api/v1) on the global fetch (Node 20+, browsers):
// one method per route, the request types of the contract in, its response types out. A non-2xx
// answer throws ApiClientError with the status and the engine's {error, message, details}.
import type { BroadcastSignalRequest } from '../requests/broadcast-signal-request.schema.js';
import type { CompleteTaskRequest } from '../requests/complete-task-request.schema.js';
import type { DeploymentRequest } from '../requests/deployment-request.schema.js';
import type { LoginRequest } from '../requests/login-request.schema.js';
import type { PublishMessageRequest } from '../requests/publish-message-request.schema.js';
import type { StartInstanceRequest } from '../requests/start-instance-request.schema.js';
import type { LoginResponse } from '../resources/auth.contract.js';
import type { DeploymentView } from '../resources/deployments.contract.js';
import type { IncidentState, IncidentView } from '../resources/incidents.contract.js';
import type { MessagePublishedView } from '../resources/messages.contract.js';
import type { ProcessDefinitionView } from '../resources/process-definitions.contract.js';
import type {
  HistoryEventView,
  InstancePathView,
  ProcessInstanceDetailView,
  ProcessInstancePage,
  ProcessInstanceState,
  ProcessInstanceView,
} from '../resources/process-instances.contract.js';
import type { EvaluateRuleSetRequest, RuleSetDetailView, RuleSetEvaluationView, RuleSetSummaryView } from '../resources/rule-sets.contract.js';
import type { SignalBroadcastView } from '../resources/signals.contract.js';
import type { CompletedTaskView, TaskStageListView, TaskState, TaskView } from '../resources/tasks.contract.js';
import type { ItemList, Page } from '../schemas/json-schema.js';
import { ApiClientError, isApiErrorBody } from './api-client-error.js';
import { queryString, type ApiRequest, type RequestBody } from './api-request.js';
import { createPackagesClient, type PackagesClient } from './packages-client.js';

export interface StageflowClientOptions {
  /** The engine's address, e.g. `http://localhost:3000`; routes go under `/api/v1`. */
  baseUrl: string;
  /** A bearer token (an access token from `auth.login` or an API token), or a function read before every call. */
  token?: string | (() => string | undefined);
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

/** `offset`/`limit` of a list (the engine's default limit is 50, at most 500). */
export interface Paging {
  offset?: number;
  limit?: number;
}

export interface ProcessDefinitionQuery extends Paging {
  key?: string;
  /** Only the latest version of each key. */
  latest?: boolean;
}

export interface ProcessInstanceQuery extends Paging {
  definitionKey?: string;
  /** A version of `definitionKey` (needs it). */
  version?: number;
  state?: ProcessInstanceState;
  businessKey?: string;
  /** Only instances with (true) or without (false) an open incident. */
  hasIncident?: boolean;
  /** The previous page's `nextCursor`: the page after it (instead of `offset`). */
  cursor?: string;
  /** Count every match (`total`): by default only on a page by offset. */
  count?: boolean;
}

export interface TaskQuery extends Paging {
  assignee?: string;
  candidateGroup?: string;
  processInstanceId?: string;
  state?: TaskState;
  /** `unsorted` (managers, admins): open tasks no assignment strategy could give anyone. */
  queue?: 'unsorted';
  /** Only tasks whose element belongs to this stage (`stageflow:stage`). */
  stage?: string;
}

export interface IncidentQuery extends Paging {
  processInstanceId?: string;
  state?: IncidentState;
}

export interface RuleSetQuery extends Paging {
  key?: string;
  /** Only the latest version of each key. */
  latest?: boolean;
}

/** One file of a multipart deployment: its name decides its kind (`.bpmn`, `.rule-set.json`, ...). */
export interface UploadFile {
  name: string;
  content: string | Blob;
}

export interface StageflowClient {
  auth: {
    login(request: LoginRequest): Promise<LoginResponse>;
  };
  deployments: {
    /** Deploys resources given as JSON. */
    create(request: DeploymentRequest): Promise<DeploymentView>;
    /** Deploys files as a multipart/form-data upload. */
    upload(files: readonly UploadFile[], options?: { name?: string }): Promise<DeploymentView>;
  };
  processDefinitions: {
    list(query?: ProcessDefinitionQuery): Promise<Page<ProcessDefinitionView>>;
    get(id: string): Promise<ProcessDefinitionView>;
    /** Starts an instance of the latest version of `key`. */
    start(key: string, request?: StartInstanceRequest): Promise<ProcessInstanceView>;
  };
  processInstances: {
    list(query?: ProcessInstanceQuery): Promise<ProcessInstancePage>;
    get(id: string): Promise<ProcessInstanceDetailView>;
    history(id: string): Promise<ItemList<HistoryEventView>>;
    path(id: string): Promise<InstancePathView>;
    cancel(id: string): Promise<ProcessInstanceView>;
  };
  tasks: {
    list(query?: TaskQuery): Promise<Page<TaskView>>;
    get(id: string): Promise<TaskView>;
    /** The stages `list({stage})` can filter by, per process. */
    stages(): Promise<TaskStageListView>;
    claim(id: string): Promise<TaskView>;
    unclaim(id: string): Promise<TaskView>;
    complete(id: string, request?: CompleteTaskRequest): Promise<CompletedTaskView>;
  };
  messages: {
    /** 200 correlated, 201 started, 202 buffered: see `result`. */
    publish(request: PublishMessageRequest): Promise<MessagePublishedView>;
  };
  signals: {
    broadcast(request: BroadcastSignalRequest): Promise<SignalBroadcastView>;
  };
  incidents: {
    list(query?: IncidentQuery): Promise<Page<IncidentView>>;
    get(id: string): Promise<IncidentView>;
    retry(id: string): Promise<IncidentView>;
  };
  ruleSets: {
    list(query?: RuleSetQuery): Promise<Page<RuleSetSummaryView>>;
    get(id: string): Promise<RuleSetDetailView>;
    /** Evaluates the rule set `key` against `facts` without a process (a dry run). */
    evaluate(key: string, request: EvaluateRuleSetRequest): Promise<RuleSetEvaluationView>;
  };
  packages: PackagesClient;
}

const segment = encodeURIComponent;

export function createStageflowClient(options: StageflowClientOptions): StageflowClient {
  const base = `${options.baseUrl.replace(/\/+$/, '')}/api/v1`;
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function send(method: string, path: string, body: RequestBody | undefined, accept: string): Promise<Response> {
    const headers: Record<string, string> = { accept };
    const token = typeof options.token === 'function' ? options.token() : options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    // Uint8Array<ArrayBuffer>: the DOM's BodyInit (the web app's typecheck) takes no view of a SharedArrayBuffer.
    let payload: string | FormData | Uint8Array<ArrayBuffer> | undefined;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body && 'bytes' in body) {
      headers['content-type'] = body.type;
      payload = body.bytes as Uint8Array<ArrayBuffer>;
    } else if (body) {
      // fetch sets multipart/form-data with its boundary itself.
      payload = body.form;
    }
    const response = await fetchFn(`${base}${path}`, { method, headers, body: payload });
    if (!response.ok) {
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      throw new ApiClientError(method, path, response.status, isApiErrorBody(parsed) ? { ...parsed, details: parsed.details ?? [] } : undefined);
    }
    return response;
  }

  async function callJson<T>(method: string, path: string, body?: RequestBody): Promise<T> {
    const text = await (await send(method, path, body, 'application/json')).text();
    try {
      return (text === '' ? undefined : JSON.parse(text)) as T;
    } catch {
      return undefined as T;
    }
  }

  const call = ((method: string, path: string, body?: RequestBody, as?: 'bytes') =>
    as === 'bytes'
      ? send(method, path, body, 'application/octet-stream, application/json').then(async (response) => new Uint8Array(await response.arrayBuffer()))
      : callJson(method, path, body)) as ApiRequest;

  const get = <T>(path: string): Promise<T> => call<T>('GET', path);
  const post = <T>(path: string, json: unknown = {}): Promise<T> => call<T>('POST', path, { json });

  return {
    auth: {
      login: (request) => post('/auth/login', request),
    },
    deployments: {
      create: (request) => post('/deployments', request),
      upload: (files, { name } = {}) => {
        const form = new FormData();
        if (name !== undefined) form.append('name', name);
        for (const file of files) form.append('files', typeof file.content === 'string' ? new Blob([file.content]) : file.content, file.name);
        return call('POST', '/deployments', { form });
      },
    },
    processDefinitions: {
      list: (query) => get(`/process-definitions${queryString(query)}`),
      get: (id) => get(`/process-definitions/${segment(id)}`),
      start: (key, request = {}) => post(`/process-definitions/key/${segment(key)}/start`, request),
    },
    processInstances: {
      list: (query) => get(`/process-instances${queryString(query)}`),
      get: (id) => get(`/process-instances/${segment(id)}`),
      history: (id) => get(`/process-instances/${segment(id)}/history`),
      path: (id) => get(`/process-instances/${segment(id)}/path`),
      cancel: (id) => post(`/process-instances/${segment(id)}/cancel`),
    },
    tasks: {
      list: (query) => get(`/tasks${queryString(query)}`),
      get: (id) => get(`/tasks/${segment(id)}`),
      stages: () => get('/tasks/stages'),
      claim: (id) => post(`/tasks/${segment(id)}/claim`),
      unclaim: (id) => post(`/tasks/${segment(id)}/unclaim`),
      complete: (id, request = {}) => post(`/tasks/${segment(id)}/complete`, request),
    },
    messages: {
      publish: (request) => post('/messages', request),
    },
    signals: {
      broadcast: (request) => post('/signals', request),
    },
    incidents: {
      list: (query) => get(`/incidents${queryString(query)}`),
      get: (id) => get(`/incidents/${segment(id)}`),
      retry: (id) => post(`/incidents/${segment(id)}/retry`),
    },
    ruleSets: {
      list: (query) => get(`/rule-sets${queryString(query)}`),
      get: (id) => get(`/rule-sets/${segment(id)}`),
      evaluate: (key, request) => post(`/rule-sets/${segment(key)}/evaluate`, request),
    },
    packages: createPackagesClient(call),
  };
}
