import { bearer, setupEngineSuite, ADMIN_PASSWORD } from './support/engine-suite.js';

const suite = setupEngineSuite();

describe('authentication and roles', () => {
  it('given no token, when calling any endpoint but login and health, then 401 in the error format', async () => {
    for (const [method, path] of [
      ['get', '/api/v1/tasks'],
      ['get', '/api/v1/process-definitions'],
      ['post', '/api/v1/deployments'],
      ['post', '/api/v1/process-definitions/key/lead/start'],
      ['get', '/api/v1/users'],
    ] as const) {
      const response = await suite.http()[method](path);
      expect({ path, status: response.status, error: response.body.error }).toEqual({ path, status: 401, error: 'unauthorized' });
    }
  });

  it('given no token, when asking for health, then 200', async () => {
    const response = await suite.http().get('/api/v1/health');

    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
  });

  it('given a wrong password or an unknown user, when logging in, then 401', async () => {
    const wrong = await suite.http().post('/api/v1/auth/login').send({ username: 'admin', password: 'wrong-password' });
    const unknown = await suite.http().post('/api/v1/auth/login').send({ username: 'nobody', password: 'whatever-pass' });
    const missing = await suite.http().post('/api/v1/auth/login').send({ username: 'admin' });

    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(missing.status).toBe(400);
  });

  it('given the admin password, when logging in, then a JWT comes back and works', async () => {
    const login = await suite.http().post('/api/v1/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
    const me = await suite
      .http()
      .get('/api/v1/users/me')
      .set(...bearer(login.body.accessToken as string));

    expect(login.status).toBe(200);
    expect(login.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(me.body).toEqual(expect.objectContaining({ username: 'admin', roles: ['admin'] }));
  });

  it('given a forged or garbled token, when calling, then 401', async () => {
    const [header, payload] = suite.adminToken().split('.');
    const forged = `${header}.${payload}.c2lnbmF0dXJl`;

    expect(
      (
        await suite
          .http()
          .get('/api/v1/tasks')
          .set(...bearer(forged))
      ).status,
    ).toBe(401);
    expect(
      (
        await suite
          .http()
          .get('/api/v1/tasks')
          .set(...bearer('garbage'))
      ).status,
    ).toBe(401);
    expect((await suite.http().get('/api/v1/tasks').set('Authorization', 'Basic YWRtaW46YWRtaW4=')).status).toBe(401);
  });

  it('given an integrator, when creating an API token, then it is shown once, works as a bearer token, and stops working when revoked', async () => {
    const integrator = await suite.createUser('integration-bot', ['integrator']);

    const created = await suite
      .http()
      .post('/api/v1/api-tokens')
      .set(...bearer(integrator.token))
      .send({ name: 'ci' });
    const token = created.body.token as string;
    const list = await suite
      .http()
      .get('/api/v1/api-tokens')
      .set(...bearer(integrator.token));
    const used = await suite
      .http()
      .get('/api/v1/process-definitions')
      .set(...bearer(token));
    const revoked = await suite
      .http()
      .delete(`/api/v1/api-tokens/${created.body.id as string}`)
      .set(...bearer(integrator.token));
    const afterRevoke = await suite
      .http()
      .get('/api/v1/process-definitions')
      .set(...bearer(token));

    expect(created.status).toBe(201);
    expect(token).toMatch(/^sf_/);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(used.status).toBe(200);
    expect(revoked.status).toBe(204);
    expect(afterRevoke.status).toBe(401);
  });

  it('given a seller, when creating users or teams, then 403; the admin may', async () => {
    const seller = await suite.createUser('plain-seller', ['seller']);

    const asSeller = await suite
      .http()
      .post('/api/v1/users')
      .set(...bearer(seller.token))
      .send({ username: 'x', password: 'long-password', roles: ['admin'] });
    const teamAsSeller = await suite
      .http()
      .post('/api/v1/teams')
      .set(...bearer(seller.token))
      .send({ name: 'mine' });
    const listAsAdmin = await suite
      .http()
      .get('/api/v1/users')
      .set(...bearer(suite.adminToken()));

    expect(asSeller.status).toBe(403);
    expect(teamAsSeller.status).toBe(403);
    expect(listAsAdmin.body.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['admin', 'plain-seller']));
  });

  it('given an analyst, when listing users and teams for the studio pickers, then 200; a seller gets 403', async () => {
    const analyst = await suite.createUser('picking-analyst', ['analyst']);
    const seller = await suite.createUser('curious-seller', ['seller']);

    const users = await suite
      .http()
      .get('/api/v1/users')
      .set(...bearer(analyst.token));
    const teams = await suite
      .http()
      .get('/api/v1/teams')
      .set(...bearer(analyst.token));
    const usersAsSeller = await suite
      .http()
      .get('/api/v1/users')
      .set(...bearer(seller.token));
    const teamsAsSeller = await suite
      .http()
      .get('/api/v1/teams')
      .set(...bearer(seller.token));
    const oneUser = await suite
      .http()
      .get(`/api/v1/users/${seller.id}`)
      .set(...bearer(analyst.token));

    expect(users.status).toBe(200);
    expect(users.body.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['picking-analyst', 'curious-seller']));
    expect(teams.status).toBe(200);
    expect(usersAsSeller.status).toBe(403);
    expect(teamsAsSeller.status).toBe(403);
    expect(oneUser.status).toBe(403);
  });

  it('given bad user input, when creating a user, then 400 names the field; a duplicate is 409', async () => {
    const badRole = await suite
      .http()
      .post('/api/v1/users')
      .set(...bearer(suite.adminToken()))
      .send({ username: 'r', password: 'long-password', roles: ['emperor'] });
    const shortPassword = await suite
      .http()
      .post('/api/v1/users')
      .set(...bearer(suite.adminToken()))
      .send({ username: 'r', password: 'short', roles: ['seller'] });
    await suite.createUser('twice', ['seller']);
    const duplicate = await suite
      .http()
      .post('/api/v1/users')
      .set(...bearer(suite.adminToken()))
      .send({ username: 'twice', password: 'long-password', roles: ['seller'] });

    expect(badRole.status).toBe(400);
    expect(badRole.body.details).toEqual([expect.objectContaining({ path: 'roles' })]);
    expect(shortPassword.body.details).toEqual([expect.objectContaining({ path: 'password' })]);
    expect(duplicate.status).toBe(409);
  });

  it('given the password hash, when stored, then it is argon2id and not the password', async () => {
    const rows = await suite.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'admin'`);

    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]?.password_hash).not.toContain(ADMIN_PASSWORD);
  });

  it('given the OpenAPI document, when fetched, then it lists the core paths', async () => {
    const response = await suite.http().get('/api/docs-json');
    const ui = await suite.http().get('/api/docs');

    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths as object)).toEqual(
      expect.arrayContaining([
        '/api/v1/deployments',
        '/api/v1/process-definitions/key/{key}/start',
        '/api/v1/tasks/{id}/complete',
        '/api/v1/process-instances/{id}/history',
      ]),
    );
    expect(ui.status).toBe(200);
  });
});
