// Every route of the OpenAPI document, walked with what an attacker or a careless client sends:
// ids that are malformed or hold a NUL or bytes that are not UTF-8, bodies with a NUL or a lone
// surrogate, and malformed or forged tokens. None may answer 5xx. Routes added later are walked too,
// without new code here, as long as the OpenAPI document lists them.
import { createHmac } from 'node:crypto';
import { bearer, setupEngineSuite } from './support/engine-suite.js';

const SECRET = 'route-walk-secret-of-enough-length-0123456789';
const suite = setupEngineSuite({ env: { STAGEFLOW_JWT_SECRET: SECRET } });

/** An HS256 JWT signed with the engine's secret, with whatever claims a forger chooses. */
function forged(claims: Record<string, unknown>): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`;
}

const inAnHour = Math.floor(Date.now() / 1000) + 3600;
const PARAMETERS = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', 'a%00b', 'a%ED%A0%80b', 'a%C3%28'];
const BODIES = ['{}', '{"name":"a\\u0000","variables":{"k":"\\ud800"},"x\\u0000":1}', '[1,2]', '{"variables":"nope","resources":7}'];
const TOKENS = [
  'not-a-jwt',
  forged({ sub: 'x', username: 'x', roles: 'admin', groups: [], exp: inAnHour }),
  forged({ sub: 'x', username: 'x', roles: ['admin'], groups: 'sales', exp: inAnHour }),
  forged({ sub: 'x', username: 'x', roles: ['admin'], groups: [] }),
  forged({ sub: 7, roles: null, exp: 'soon' }),
  'sf_not-an-api-token',
];

interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
}

describe('a walk of every route', () => {
  let routes: Route[] = [];

  beforeAll(async () => {
    const document = await suite.http().get('/api/docs-json');
    const paths = document.body.paths as Record<string, Record<string, unknown>>;
    routes = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((method): method is Route['method'] => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => ({ method, path })),
    );
  });

  async function call(route: Route, path: string, authorization: [string, string] | undefined, body?: string): Promise<number> {
    let request = suite.http()[route.method](path.replace(/^\/api\/v1/, '/api/v1'));
    if (authorization) request = request.set(...authorization);
    if (body !== undefined) request = request.set('Content-Type', 'application/json').send(body);
    return (await request).status;
  }

  it('finds the routes of the API in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes).toContainEqual({ method: 'get', path: '/api/v1/process-definitions/{id}/xml' });
  });

  it('answers no 5xx to malformed or hostile path parameters and bodies, as admin', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const value of PARAMETERS) {
        const path = route.path.replace(/\{[^}]+\}/g, value);
        const bodies = route.method === 'get' || route.method === 'delete' ? [undefined] : BODIES;
        for (const body of bodies) {
          const status = await call(route, path, bearer(suite.adminToken()), body);
          if (status >= 500) failures.push(`${route.method.toUpperCase()} ${path} ${body ?? ''} -> ${status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 401, never 5xx, to malformed and forged tokens on every route that needs one', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const path = route.path.replace(/\{[^}]+\}/g, '00000000-0000-0000-0000-000000000000');
      for (const token of TOKENS) {
        const status = await call(route, path, bearer(token), route.method === 'get' || route.method === 'delete' ? undefined : '{}');
        // Public routes (health, login, the docs) answer on their own terms; all others must refuse the token.
        if (status >= 500 || (status !== 401 && !PUBLIC.has(`${route.method} ${route.path}`)))
          failures.push(`${route.method.toUpperCase()} ${path} with ${token.slice(0, 20)}… -> ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

const PUBLIC = new Set(['get /api/v1/health', 'post /api/v1/auth/login', 'post /api/v1/auth/session']);
