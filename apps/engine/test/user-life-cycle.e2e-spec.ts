// The users' life cycle (issue 10 item 5): changing one's own password, an admin's reset,
// deactivation and activation, checked on every request on every node (a second engine node
// shares the database); usernames trimmed and unique case-insensitively; who revokes API tokens.
import { startEngine, type EngineProcess } from './support/engine-process.js';
import { ADMIN_PASSWORD, bearer, setupEngineSuite } from './support/engine-suite.js';
import request from 'supertest';

const suite = setupEngineSuite();
let second: EngineProcess | undefined;

beforeAll(async () => {
  second = await startEngine({ databaseUrl: suite.databaseUrl(), adminPassword: ADMIN_PASSWORD });
}, 120_000);

afterAll(async () => {
  await second?.stop();
}, 60_000);

type Node = 'first' | 'second';
const on = (node: Node) => (node === 'first' ? suite.http() : request(second!.url));
const me = async (node: Node, token: string) =>
  (
    await on(node)
      .get('/api/v1/users/me')
      .set(...bearer(token))
  ).status;

/** The notification reaches the other node asynchronously (PostgreSQL NOTIFY, milliseconds): poll briefly, far below the 10 s a cache could hold. */
async function statusSoon(node: Node, token: string, expected: number): Promise<number> {
  const deadline = Date.now() + 1000;
  for (;;) {
    const status = await me(node, token);
    if (status === expected || Date.now() > deadline) return status;
    await new Promise((wait) => setTimeout(wait, 25));
  }
}

async function apiToken(token: string): Promise<{ id: string; token: string }> {
  const created = await suite
    .http()
    .post('/api/v1/api-tokens')
    .set(...bearer(token))
    .send({ name: 'ci' });
  expect(created.status).toBe(201);
  return created.body as { id: string; token: string };
}

describe("users' life cycle", () => {
  it('given a user with a JWT and an API token used on both nodes, when an admin deactivates them, then both are refused at once on both nodes and they cannot sign in; activated, the API token works again, the old JWT not', async () => {
    const dora = await suite.createUser('dora', ['seller']);
    const token = await apiToken(dora.token);
    for (const node of ['first', 'second'] as const) {
      expect(await me(node, dora.token)).toBe(200);
      expect(await me(node, token.token)).toBe(200);
    }

    const deactivated = await suite
      .http()
      .post(`/api/v1/users/${dora.id}/deactivate`)
      .set(...bearer(suite.adminToken()));

    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ username: 'dora', active: false });
    expect(await me('first', dora.token)).toBe(401);
    expect(await me('first', token.token)).toBe(401);
    expect(await statusSoon('second', dora.token, 401)).toBe(401);
    expect(await statusSoon('second', token.token, 401)).toBe(401);
    expect((await suite.http().post('/api/v1/auth/login').send({ username: 'dora', password: 'dora-password' })).status).toBe(401);

    const activated = await on('second')
      .post(`/api/v1/users/${dora.id}/activate`)
      .set(...bearer(suite.adminToken()));
    expect(activated.body).toMatchObject({ active: true });
    expect(await statusSoon('first', token.token, 200)).toBe(200);
    expect(await me('first', dora.token)).toBe(401);
    expect(await me('second', dora.token)).toBe(401);
    expect(await me('first', await suite.login('dora', 'dora-password'))).toBe(200);
  });

  it('given a user signed in twice, when they change their password, then the other session ends on both nodes and the new token works', async () => {
    const ed = await suite.createUser('ed', ['seller']);
    const other = await suite.login('ed', 'ed-password');
    expect(await me('second', other)).toBe(200);

    const wrong = await on('second')
      .post('/api/v1/auth/password')
      .set(...bearer(ed.token))
      .send({ oldPassword: 'not-his-password', newPassword: 'a-new-password' });
    const short = await on('second')
      .post('/api/v1/auth/password')
      .set(...bearer(ed.token))
      .send({ oldPassword: 'ed-password', newPassword: 'short' });
    const changed = await on('second')
      .post('/api/v1/auth/password')
      .set(...bearer(ed.token))
      .send({ oldPassword: 'ed-password', newPassword: 'a-new-password' });

    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ path: 'oldPassword', message: 'is not the current password' }]);
    expect(short.status).toBe(400);
    expect(changed.status).toBe(200);
    expect(await me('second', other)).toBe(401);
    expect(await statusSoon('first', other, 401)).toBe(401);
    expect(await me('first', ed.token)).toBe(401);
    expect(await me('first', changed.body.accessToken as string)).toBe(200);
    expect((await suite.http().post('/api/v1/auth/login').send({ username: 'ed', password: 'ed-password' })).status).toBe(401);
    expect(await me('first', await suite.login('ed', 'a-new-password'))).toBe(200);
  });

  it('given a user, when an admin resets their password, then their sessions end and the new password signs in; sellers may not reset', async () => {
    const fay = await suite.createUser('fay', ['seller']);

    const bySeller = await suite
      .http()
      .post(`/api/v1/users/${fay.id}/password`)
      .set(...bearer(fay.token))
      .send({ password: 'chosen-by-fay' });
    const reset = await suite
      .http()
      .post(`/api/v1/users/${fay.id}/password`)
      .set(...bearer(suite.adminToken()))
      .send({ password: 'chosen-by-admin' });

    expect(bySeller.status).toBe(403);
    expect(reset.status).toBe(200);
    expect(await me('first', fay.token)).toBe(401);
    expect(await statusSoon('second', fay.token, 401)).toBe(401);
    expect(await me('first', await suite.login('fay', 'chosen-by-admin'))).toBe(200);
  });

  it('given an admin, when they deactivate themselves or an unknown user, then 409 and 404', async () => {
    const admin = await suite
      .http()
      .get('/api/v1/users/me')
      .set(...bearer(suite.adminToken()));
    const self = await suite
      .http()
      .post(`/api/v1/users/${admin.body.id as string}/deactivate`)
      .set(...bearer(suite.adminToken()));
    const unknown = await suite
      .http()
      .post('/api/v1/users/00000000-0000-4000-8000-000000000404/deactivate')
      .set(...bearer(suite.adminToken()));

    expect(self.status).toBe(409);
    expect(unknown.status).toBe(404);
  });

  it('given "admin", when "ADMIN" or "admin " is created, then 409; a name is stored trimmed and signs in case-insensitively', async () => {
    const create = (username: string) =>
      suite
        .http()
        .post('/api/v1/users')
        .set(...bearer(suite.adminToken()))
        .send({ username, password: 'some-password', roles: ['seller'] });

    expect((await create('ADMIN')).status).toBe(409);
    expect((await create('admin ')).status).toBe(409);
    const gus = await create('  Gus ');
    expect(gus.status).toBe(201);
    expect(gus.body).toMatchObject({ username: 'Gus', active: true });
    expect((await create('gus')).status).toBe(409);
    expect((await suite.http().post('/api/v1/auth/login').send({ username: ' gus', password: 'some-password' })).status).toBe(200);
    expect(await suite.query('SELECT username FROM users WHERE lower(username) IN ($1, $2) ORDER BY username', ['admin', 'gus'])).toEqual([
      { username: 'Gus' },
      { username: 'admin' },
    ]);
  });

  it("given another user's API token, when an admin revokes it, then it stops working on both nodes; a non-admin who does not own it gets 404", async () => {
    const hal = await suite.createUser('hal', ['integrator']);
    const ivy = await suite.createUser('ivy', ['seller']);
    const token = await apiToken(hal.token);
    expect(await me('second', token.token)).toBe(200);

    const byIvy = await suite
      .http()
      .delete(`/api/v1/api-tokens/${token.id}`)
      .set(...bearer(ivy.token));
    expect(byIvy.status).toBe(404);
    expect(await me('first', token.token)).toBe(200);

    const byAdmin = await suite
      .http()
      .delete(`/api/v1/api-tokens/${token.id}`)
      .set(...bearer(suite.adminToken()));
    expect(byAdmin.status).toBe(204);
    expect(await me('first', token.token)).toBe(401);
    expect(await statusSoon('second', token.token, 401)).toBe(401);
  });
});
