// The few Stageflow API calls the HTTP benchmark makes, with just enough response checking.
import type { Variables } from '@stageflow/bpmn-runtime';
import type { HttpClient } from './http-client.js';

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

function stringField(body: unknown, name: string, what: string): string {
  const value = field(body, name);
  if (typeof value !== 'string') throw new Error(`${what}: no string "${name}" in ${JSON.stringify(body).slice(0, 300)}`);
  return value;
}

export class EngineApi {
  constructor(private readonly http: HttpClient) {}

  async login(username: string, password: string): Promise<string> {
    const { body } = await this.http.send('POST', '/api/v1/auth/login', { username, password });
    return stringField(body, 'accessToken', 'login');
  }

  async deploy(name: string, resources: { name: string; content: string }[]): Promise<void> {
    await this.http.send('POST', '/api/v1/deployments', { name, resources });
  }

  /** Starts an instance of the latest version of `key`; resolves with its id. */
  async start(key: string, variables: Variables): Promise<string> {
    const { body } = await this.http.send('POST', `/api/v1/process-definitions/key/${encodeURIComponent(key)}/start`, { variables });
    return stringField(body, 'id', 'start');
  }

  /** Ids of the open tasks of an instance. */
  async openTasks(processInstanceId: string): Promise<string[]> {
    const { body } = await this.http.send('GET', `/api/v1/tasks?processInstanceId=${processInstanceId}&state=created`);
    const items = field(body, 'items');
    if (!Array.isArray(items)) throw new Error(`tasks: no "items" in ${JSON.stringify(body).slice(0, 300)}`);
    return items.map((item: unknown) => stringField(item, 'id', 'task'));
  }

  /** Completes a task; resolves with the state of its instance afterwards (e.g. `completed`). */
  async complete(taskId: string, variables: Variables): Promise<string> {
    const { body } = await this.http.send('POST', `/api/v1/tasks/${taskId}/complete`, { variables });
    return stringField(field(body, 'processInstance'), 'state', 'complete');
  }
}
