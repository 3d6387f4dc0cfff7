// Browser sessions (issue 13, "Sign-in and the shell"): POST/GET/DELETE /auth/session with the
// httpOnly cookie, CSRF tokens on cookie-authenticated writes, sign-out that holds on every node
// sharing the database, and the sign-in throttling of /auth/login.
import request from 'supertest';
import { startEngine, type EngineProcess } from './support/engine-process.js';
import { ADMIN_PASSWORD, bearer, setupEngineSuite } from './support/engine-suite.js';

// The first node trusts a proxy on loopback (where supertest calls from); the second trusts none.
const suite = setupEngineSuite({
  env: { STAGEFLOW_SIGN_IN_USER_FAILURES: '3', STAGEFLOW_SIGN_IN_LOCK_SECONDS: '30', STAGEFLOW_TRUST_PROXY: '127.0.0.1,::1' },
});
let second: EngineProcess | undefined;

beforeAll(async () => {
  second = await startEngine({ databaseUrl: suite.databaseUrl(), adminPassword: ADMIN_PASSWORD });
}, 120_000);

afterAll(async () => {
  await second?.stop();
}, 60_000);

interface Session {
  cookie: string;
  csrfToken: string;
  setCookie: string;
  body: { user: Record<string, unknown>; csrfToken: string; expiresIn: number };
}

async function signIn(username: string, password: string): Promise<Session> {
  const response = await suite.http().post('/api/v1/auth/session').send({ username, password });
  if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${response.text}`);
  const setCookie = String(response.headers['set-cookie']?.[0]);
  return { cookie: setCookie.split(';')[0]!, csrfToken: response.body.csrfToken as string, setCookie, body: response.body };
}

const teamNames = async (): Promise<string[]> => ((await suite.as(suite.adminToken()).get('/teams')).body.items as { name: string }[]).map((team) => team.name);

describe('browser sessions', () => {
  it('given the right password, when a session starts, then an httpOnly SameSite=Strict cookie for the whole site and the user with a CSRF token', async () => {
    const { id } = await suite.createUser('sasha', ['analyst', 'seller'], ['north']);

    const response = await suite.http().post('/api/v1/auth/session').send({ username: 'sasha', password: 'sasha-password' });

    expect(response.status).toBe(200);
    expect(response.headers['set-cookie']).toEqual([
      expect.stringMatching(/^stageflow_session=[\w-]+\.[\w-]+\.[\w-]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/),
    ]);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({
      user: { id, username: 'sasha', displayName: 'sasha', roles: ['analyst', 'seller'], teams: ['north'] },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
      expiresIn: 43200,
    });
  });

  it('given a request that came over HTTPS by a trusted proxy, then the cookie is Secure; from a proxy the node does not trust, it is not', async () => {
    const body = { username: 'admin', password: ADMIN_PASSWORD };

    const trusted = await suite.http().post('/api/v1/auth/session').set('X-Forwarded-Proto', 'https').send(body);
    const untrusted = await request(second!.url).post('/api/v1/auth/session').set('X-Forwarded-Proto', 'https').send(body);

    expect(trusted.headers['set-cookie']).toEqual([expect.stringMatching(/; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200; Secure$/)]);
    expect(untrusted.headers['set-cookie']).toEqual([expect.stringMatching(/; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/)]);
  });

  it('given a wrong or a missing password, when a session starts, then the answers of /auth/login and no cookie', async () => {
    const wrong = await suite.http().post('/api/v1/auth/session').send({ username: 'admin', password: 'wrong-password' });
    const missing = await suite.http().post('/api/v1/auth/session').send({ username: 'admin' });

    expect([wrong.status, wrong.body.error, wrong.headers['set-cookie']]).toEqual([401, 'unauthorized', undefined]);
    expect([missing.status, missing.body.error, missing.body.details?.[0]?.path]).toEqual([400, 'bad_request', 'password']);
  });

  it('given a session, when asking for it with the cookie, then its user and CSRF token; without a cookie or with a login token in it, 401', async () => {
    await suite.createUser('gina', ['seller']);
    const session = await signIn('gina', 'gina-password');
    const login = await suite.login('gina', 'gina-password');

    const current = await suite.http().get('/api/v1/auth/session').set('Cookie', `theme=dark; ${session.cookie}`);
    const none = await suite.http().get('/api/v1/auth/session');
    const loginInCookie = await suite.http().get('/api/v1/users/me').set('Cookie', `stageflow_session=${login}`);
    const bearerOnly = await suite
      .http()
      .get('/api/v1/auth/session')
      .set(...bearer(login));

    expect(current.status).toBe(200);
    expect(current.body).toEqual({ ...session.body, expiresIn: expect.any(Number) });
    expect(current.body.expiresIn).toBeLessThanOrEqual(43200);
    expect(current.body.expiresIn).toBeGreaterThan(43000);
    expect([none.status, none.body.error]).toEqual([401, 'unauthorized']);
    expect(loginInCookie.status).toBe(401);
    expect(bearerOnly.status).toBe(401);
  });

  it('given a garbled, forged or oversized cookie, when calling, then 401, never 5xx', async () => {
    const session = await signIn('admin', ADMIN_PASSWORD);
    const [header, payload] = session.cookie.slice('stageflow_session='.length).split('.');

    for (const value of ['garbage', `${header}.${payload}.c2lnbmF0dXJl`, '%00%ff', 'a'.repeat(8000), 'sf_not-an-api-token']) {
      const read = await suite.http().get('/api/v1/users/me').set('Cookie', `stageflow_session=${value}`);
      const write = await suite
        .http()
        .post('/api/v1/teams')
        .set('Cookie', `stageflow_session=${value}`)
        .set('X-CSRF-Token', session.csrfToken)
        .send({ name: 'x' });
      expect({ value: value.slice(0, 20), read: read.status, write: write.status }).toEqual({ value: value.slice(0, 20), read: 401, write: 401 });
    }
  });

  it('given a session, when the cookie reads, then every route accepts it as the bearer header would', async () => {
    const session = await signIn('admin', ADMIN_PASSWORD);

    const me = await suite.http().get('/api/v1/users/me').set('Cookie', session.cookie);

    expect([me.status, me.body.username]).toEqual([200, 'admin']);
  });

  it("given a write with the cookie and no CSRF token, a wrong one or another session's, then 403 in the error format and nothing changed", async () => {
    const session = await signIn('admin', ADMIN_PASSWORD);
    const other = await signIn('admin', ADMIN_PASSWORD);

    const none = await suite.http().post('/api/v1/teams').set('Cookie', session.cookie).send({ name: 'csrf-none' });
    const wrong = await suite.http().post('/api/v1/teams').set('Cookie', session.cookie).set('X-CSRF-Token', 'not-the-token').send({ name: 'csrf-wrong' });
    const others = await suite.http().post('/api/v1/teams').set('Cookie', session.cookie).set('X-CSRF-Token', other.csrfToken).send({ name: 'csrf-other' });

    for (const response of [none, wrong, others]) {
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ error: 'forbidden', message: expect.stringContaining('X-CSRF-Token'), details: expect.any(Array) });
    }
    expect(await teamNames()).not.toEqual(expect.arrayContaining([expect.stringMatching(/^csrf-/)]));
  });

  it("given a write with the cookie and the session's CSRF token, then it works", async () => {
    const session = await signIn('admin', ADMIN_PASSWORD);

    const created = await suite.http().post('/api/v1/teams').set('Cookie', session.cookie).set('X-CSRF-Token', session.csrfToken).send({ name: 'csrf-right' });

    expect(created.status).toBe(201);
    expect(await teamNames()).toContain('csrf-right');
  });

  it('given a write with a bearer token, then no CSRF token is needed, a session cookie beside it or not', async () => {
    const session = await signIn('admin', ADMIN_PASSWORD);

    const plain = await suite.as(suite.adminToken()).post('/teams', { name: 'bearer-plain' });
    const withCookie = await suite.as(suite.adminToken()).post('/teams', { name: 'bearer-cookie' }).set('Cookie', session.cookie);

    expect([plain.status, withCookie.status]).toEqual([201, 201]);
  });

  it('given a sign-out, then the cookie is cleared and the session refused on every node, even when the cookie is replayed', async () => {
    const session = await signIn('admin', ADMIN_PASSWORD);
    const onSecond = () => request(second!.url).get('/api/v1/users/me').set('Cookie', session.cookie);
    expect((await onSecond()).status).toBe(200); // the second node now remembers the session

    const withoutToken = await suite.http().delete('/api/v1/auth/session').set('Cookie', session.cookie);
    const signedOut = await suite.http().delete('/api/v1/auth/session').set('Cookie', session.cookie).set('X-CSRF-Token', session.csrfToken);

    expect(withoutToken.status).toBe(403);
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers['set-cookie']).toEqual(['stageflow_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0']);
    const replayed = await suite.http().get('/api/v1/auth/session').set('Cookie', session.cookie);
    expect([replayed.status, replayed.body.message]).toEqual([401, 'the session has ended: sign in again']);
    expect(await statusSoon(onSecond, 401)).toBe(401);
    const written = await suite
      .http()
      .post('/api/v1/teams')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken)
      .send({ name: 'after-sign-out' });
    expect(written.status).toBe(401);
    expect(await suite.query('SELECT count(*)::int AS n FROM ended_sessions')).toEqual([{ n: 1 }]);
  });

  it('given another session of the same user, when one signs out, then the other goes on', async () => {
    const leaving = await signIn('admin', ADMIN_PASSWORD);
    const staying = await signIn('admin', ADMIN_PASSWORD);

    await suite.http().delete('/api/v1/auth/session').set('Cookie', leaving.cookie).set('X-CSRF-Token', leaving.csrfToken).expect(204);

    expect((await suite.http().get('/api/v1/auth/session').set('Cookie', staying.cookie)).status).toBe(200);
  });

  it("given a user deactivated by an admin, then their session's cookie is refused at once", async () => {
    const { id } = await suite.createUser('dana', ['seller']);
    const session = await signIn('dana', 'dana-password');
    expect((await suite.http().get('/api/v1/auth/session').set('Cookie', session.cookie)).status).toBe(200);

    await suite.as(suite.adminToken()).post(`/users/${id}/deactivate`).expect(200);

    expect((await suite.http().get('/api/v1/auth/session').set('Cookie', session.cookie)).status).toBe(401);
  });

  it('given wrong passwords for a username, then sessions are throttled as /auth/login: 429 with Retry-After, the right password included', async () => {
    await suite.createUser('tom', ['seller']);
    const start = (password: string) => suite.http().post('/api/v1/auth/session').send({ username: 'tom', password });

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await start(`wrong-${i}`)).status);
    const locked = await start('tom-password');
    const viaLogin = await suite.http().post('/api/v1/auth/login').send({ username: 'tom', password: 'tom-password' });

    expect(statuses).toEqual([401, 401, 401]);
    expect([locked.status, locked.body.error, locked.headers['set-cookie']]).toEqual([429, 'too_many_requests', undefined]);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(viaLogin.status).toBe(429);
  });
});

/** The sign-out reaches the other node asynchronously (PostgreSQL NOTIFY, milliseconds): poll briefly, far below the 10 s a cache could hold. */
async function statusSoon(call: () => request.Test, expected: number): Promise<number> {
  const deadline = Date.now() + 1000;
  for (;;) {
    const { status } = await call();
    if (status === expected || Date.now() > deadline) return status;
    await new Promise((wait) => setTimeout(wait, 25));
  }
}
