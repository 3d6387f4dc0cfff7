// What the engine writes to its log and the headers it answers with (issue 10, item 6).
import { bearer, setupEngineSuite } from './support/engine-suite.js';

const suite = setupEngineSuite();

describe('security headers', () => {
  it.each([
    ['the API', '/api/v1/health'],
    ['an error answer', '/api/v1/no-such-route'],
    ['the API docs', '/api/docs'],
    ['the OpenAPI document', '/api/docs-json'],
  ])('are on %s', async (_what, path) => {
    const response = await suite.http().get(path);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('the log', () => {
  it('shows no password hash and no password when a write of a new user fails', async () => {
    // The database refuses every new user, as a failing disk or a broken constraint would.
    await suite.query(`CREATE FUNCTION refuse_users() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'users are refused for this test'; END $$`);
    await suite.query('CREATE TRIGGER refuse_users BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION refuse_users()');
    try {
      const before = suite.engine().output().length;
      const response = await suite
        .http()
        .post('/api/v1/users')
        .set(...bearer(suite.adminToken()))
        .send({ username: 'carol', password: 'carol-secret-password', roles: ['seller'] });
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ error: 'internal_error', message: 'internal error', details: [] });
      const logged = suite.engine().output().slice(before);
      expect(logged).toContain('users are refused for this test');
      expect(logged).not.toContain('$argon2');
      expect(logged).not.toContain('carol-secret-password');
    } finally {
      await suite.query('DROP TRIGGER refuse_users ON users');
      await suite.query('DROP FUNCTION refuse_users()');
    }
  });
});
