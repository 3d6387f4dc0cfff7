// One call per test file: a fresh database, the built engine on it, and helpers to call it.
import request from 'supertest';
import { startEngine, type EngineProcess } from './engine-process.js';
import { acquireTestPostgres, type TestPostgresServer } from './postgres-server.js';
import { createTestDatabase, dropTestDatabase, queryDatabase } from './test-database.js';

export const ADMIN_PASSWORD = 'admin-test-password';

export interface EngineSuite {
  /** The running engine (valid inside tests). */
  engine(): EngineProcess;
  /** supertest agent on the engine's base URL. */
  http(): ReturnType<typeof request>;
  databaseUrl(): string;
  adminToken(): string;
  login(username: string, password: string): Promise<string>;
  /** Creates a user (as admin) with the given roles and team names (teams are created when missing). */
  createUser(username: string, roles: string[], teams?: string[]): Promise<{ id: string; token: string; password: string }>;
  deploy(
    resources: { name: string; content: string }[],
    token?: string,
  ): Promise<{ id: string; processDefinitions: { id: string; key: string; version: number }[] }>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Stops the engine and starts it again on the same database. */
  restartEngine(): Promise<void>;
  /** The API under /api/v1 as the holder of `token`: `suite.as(token).post('/leads', body)`. */
  as(token: string): ApiAs;
}

type Call = ReturnType<ReturnType<typeof request>['get']>;

export interface ApiAs {
  get(path: string): Call;
  delete(path: string): Call;
  post(path: string, body?: unknown): Call;
  put(path: string, body?: unknown): Call;
  patch(path: string, body?: unknown): Call;
}

export function setupEngineSuite(options: { env?: Record<string, string> } = {}): EngineSuite {
  let adminUrl = '';
  let ownedServer: TestPostgresServer | undefined;
  let database = { name: '', url: '' };
  let engine: EngineProcess | undefined;
  let adminToken = '';
  const teams = new Map<string, string>();

  const http = (): ReturnType<typeof request> => {
    if (!engine) throw new Error('the engine is not running');
    return request(engine.url);
  };

  const login = async (username: string, password: string): Promise<string> => {
    const response = await http().post('/api/v1/auth/login').send({ username, password });
    if (response.status !== 200) throw new Error(`login of ${username} failed: ${response.status} ${response.text}`);
    return (response.body as { accessToken: string }).accessToken;
  };

  beforeAll(async () => {
    const server = await acquireTestPostgres();
    adminUrl = server.adminUrl;
    ownedServer = server.owned;
    database = await createTestDatabase(adminUrl);
    engine = await startEngine({ databaseUrl: database.url, adminPassword: ADMIN_PASSWORD, env: options.env });
    adminToken = await login('admin', ADMIN_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await engine?.stop();
    engine = undefined;
    if (database.name) await dropTestDatabase(adminUrl, database.name).catch(() => undefined);
    await ownedServer?.stop();
  }, 60_000);

  return {
    engine: () => {
      if (!engine) throw new Error('the engine is not running');
      return engine;
    },
    http,
    databaseUrl: () => database.url,
    adminToken: () => adminToken,
    login,
    async createUser(username, roles, teamNames = []) {
      const teamIds: string[] = [];
      for (const name of teamNames) {
        let id = teams.get(name);
        if (!id) {
          const created = await http().post('/api/v1/teams').set('Authorization', `Bearer ${adminToken}`).send({ name });
          if (created.status !== 201) throw new Error(`creating team ${name} failed: ${created.status} ${created.text}`);
          id = (created.body as { id: string }).id;
          teams.set(name, id);
        }
        teamIds.push(id);
      }
      const password = `${username}-password`;
      const response = await http().post('/api/v1/users').set('Authorization', `Bearer ${adminToken}`).send({ username, password, roles, teamIds });
      if (response.status !== 201) throw new Error(`creating user ${username} failed: ${response.status} ${response.text}`);
      return { id: (response.body as { id: string }).id, token: await login(username, password), password };
    },
    async deploy(resources, token = adminToken) {
      const response = await http().post('/api/v1/deployments').set('Authorization', `Bearer ${token}`).send({ name: 'test', resources });
      if (response.status !== 201 && response.status !== 200) throw new Error(`deployment failed: ${response.status} ${response.text}`);
      return response.body as { id: string; processDefinitions: { id: string; key: string; version: number }[] };
    },
    query: (sql, params) => queryDatabase(database.url, sql, params),
    as(token) {
      const call = (method: 'get' | 'delete' | 'post' | 'put' | 'patch', path: string, body?: unknown): Call => {
        const pending = http()[method](`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
        return body === undefined ? pending : pending.send(body as object);
      };
      return {
        get: (path) => call('get', path),
        delete: (path) => call('delete', path),
        post: (path, body) => call('post', path, body),
        put: (path, body) => call('put', path, body),
        patch: (path, body) => call('patch', path, body),
      };
    },
    async restartEngine() {
      if (!engine) throw new Error('the engine is not running');
      const code = await engine.stop();
      if (code !== 0) throw new Error(`the engine exited with ${code} on SIGTERM:\n${engine.output()}`);
      engine = await startEngine({ databaseUrl: database.url, adminPassword: ADMIN_PASSWORD, env: options.env });
      adminToken = await login('admin', ADMIN_PASSWORD);
    },
  };
}

export function bearer(token: string): [string, string] {
  return ['Authorization', `Bearer ${token}`];
}
