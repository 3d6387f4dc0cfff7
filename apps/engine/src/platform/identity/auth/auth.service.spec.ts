import { Unauthorized } from '../../errors/domain-errors.js';
import { newIdentityServices, TEST_JWT_SECRET as SECRET } from '../identity.testing.js';
import { hashPassword } from '../users/password-hasher.js';
import type { Role } from './role.js';

/** argon2 is slow on purpose: one hash for every spec. */
const HASH = hashPassword('correct horse');

async function newTestService(env: NodeJS.ProcessEnv = {}) {
  const services = newIdentityServices({ STAGEFLOW_JWT_TTL_SECONDS: '600', ...env });
  const sales = services.teams.seed('sales');
  const ann = services.users.seed({ username: 'ann', password_hash: await HASH, roles: ['seller'], team_ids: [sales.id] });
  return { ...services, service: services.auth, ann };
}

describe('AuthService', () => {
  describe('login', () => {
    it('given the right password, when signing in, then a bearer JWT for the configured lifetime that authenticates as the user with their teams as groups', async () => {
      const { service, ann } = await newTestService();

      const login = await service.login('ann', 'correct horse');

      expect(login).toMatchObject({ tokenType: 'Bearer', expiresIn: 600 });
      expect(await service.authenticate(login.accessToken)).toEqual({ userId: ann.id, username: 'ann', roles: ['seller'], groups: ['sales'] });
    });

    it('given a wrong password or an unknown user, when signing in, then 401 with the same message for both', async () => {
      const { service } = await newTestService();

      await expect(service.login('ann', 'wrong horse')).rejects.toThrow(new Unauthorized('wrong username or password'));
      await expect(service.login('nobody', 'correct horse')).rejects.toThrow(new Unauthorized('wrong username or password'));
    });

    it('given a user with a role the engine does not know, when signing in or using an API token, then only the known roles count', async () => {
      const { service, users, jwt, apiTokens } = await newTestService();
      const old = users.seed({ username: 'old', password_hash: await HASH, roles: ['analyst', 'retired-role'] as unknown as Role[] });

      const { accessToken } = await service.login('old', 'correct horse');
      const { token } = await apiTokens.create(old.id, 'ci');

      expect(jwt.decode<{ roles: string[] }>(accessToken).roles).toEqual(['analyst']);
      expect((await service.authenticate(token)).roles).toEqual(['analyst']);
    });
  });

  describe('JWT', () => {
    it('given a token signed with another secret, expired, or not a JWT at all, when authenticating, then 401', async () => {
      const { service, jwt, ann } = await newTestService();
      const claims = { sub: ann.id, username: 'ann', roles: ['admin'], groups: [], ep: 0 };
      const forged = await jwt.signAsync(claims, { secret: 'another-secret-that-is-long-enough-too', algorithm: 'HS256', expiresIn: 600 });
      const expired = await jwt.signAsync({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, { secret: SECRET, algorithm: 'HS256' });

      for (const token of [forged, expired, 'not-a-jwt']) {
        await expect(service.authenticate(token)).rejects.toThrow(new Unauthorized('the access token is invalid or expired'));
      }
    });
  });

  describe('API tokens', () => {
    it("given a user's API token, when authenticating, then the user with their roles and teams as groups", async () => {
      const { service, apiTokens, ann } = await newTestService();
      const { token } = await apiTokens.create(ann.id, 'ci');

      expect(await service.authenticate(token)).toEqual({ userId: ann.id, username: 'ann', roles: ['seller'], groups: ['sales'] });
    });

    it('given an unknown API token, or the token of a user that is gone, when authenticating, then 401', async () => {
      const { service, apiTokens, users } = await newTestService();
      const gone = users.seed({ username: 'gone' });
      const { token } = await apiTokens.create(gone.id, 'ci');
      users.rows = users.rows.filter((row) => row.id !== gone.id);

      await expect(service.authenticate('sf_unknown')).rejects.toThrow(new Unauthorized('the API token is invalid or revoked'));
      await expect(service.authenticate(token)).rejects.toThrow(Unauthorized);
    });

    it('given a token that was used and then revoked, when authenticating again, then it holds until the cache is forgotten, then 401', async () => {
      const { service, apiTokens, ann } = await newTestService();
      const created = await apiTokens.create(ann.id, 'ci');
      await service.authenticate(created.token);

      await apiTokens.revoke(created.id, undefined);
      expect((await service.authenticate(created.token)).username).toBe('ann');

      service.forgetApiTokens();
      await expect(service.authenticate(created.token)).rejects.toThrow(Unauthorized);
    });
  });
});
