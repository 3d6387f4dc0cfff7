import { Invalid, Unauthorized } from '../../errors/domain-errors.js';
import { newIdentityServices, TEST_JWT_SECRET as SECRET } from '../identity.testing.js';
import { hashPassword } from '../users/password-hasher.js';
import type { AuthService } from './auth.service.js';
import type { Principal } from './principal.js';
import type { Role } from './role.js';
import { SignInThrottled } from './sign-in-throttle.service.js';

/** The caller a token authenticates as. */
const callerOf = async (service: AuthService, token: string): Promise<Principal> => (await service.authenticate(token)).principal;

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
      expect(await callerOf(service, login.accessToken)).toEqual({ userId: ann.id, username: 'ann', roles: ['seller'], groups: ['sales'] });
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
      expect((await callerOf(service, token)).roles).toEqual(['analyst']);
    });
  });

  describe('JWT', () => {
    it('given a token signed with another secret, expired, or not a JWT at all, when authenticating, then 401', async () => {
      const { service, jwt, ann } = await newTestService();
      const claims = { sub: ann.id, username: 'ann', roles: ['admin'], groups: [], ep: 0 };
      const forged = await jwt.signAsync(claims, { secret: 'another-secret-that-is-long-enough-too', algorithm: 'HS256', expiresIn: 600 });
      const expired = await jwt.signAsync({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, { secret: SECRET, algorithm: 'HS256' });

      for (const token of [forged, expired, 'not-a-jwt']) {
        await expect(callerOf(service, token)).rejects.toThrow(new Unauthorized('the access token is invalid or expired'));
      }
    });
  });

  describe('API tokens', () => {
    it("given a user's API token, when authenticating, then the user with their roles and teams as groups", async () => {
      const { service, apiTokens, ann } = await newTestService();
      const { token } = await apiTokens.create(ann.id, 'ci');

      expect(await callerOf(service, token)).toEqual({ userId: ann.id, username: 'ann', roles: ['seller'], groups: ['sales'] });
    });

    it('given an unknown API token, or the token of a user that is gone, when authenticating, then 401', async () => {
      const { service, apiTokens, users } = await newTestService();
      const gone = users.seed({ username: 'gone' });
      const { token } = await apiTokens.create(gone.id, 'ci');
      users.rows = users.rows.filter((row) => row.id !== gone.id);

      await expect(callerOf(service, 'sf_unknown')).rejects.toThrow(new Unauthorized('the API token is invalid or revoked'));
      await expect(callerOf(service, token)).rejects.toThrow(Unauthorized);
    });

    it('given a token that was used and then revoked, when authenticating again, then it holds until the cache is forgotten, then 401', async () => {
      const { service, apiTokens, ann } = await newTestService();
      const created = await apiTokens.create(ann.id, 'ci');
      await callerOf(service, created.token);

      await apiTokens.revoke(created.id, undefined);
      expect((await callerOf(service, created.token)).username).toBe('ann');

      service.forgetApiTokens();
      await expect(callerOf(service, created.token)).rejects.toThrow(Unauthorized);
    });
  });

  describe('throttling', () => {
    it('given the failures that lock a username, when the right password comes, then 429 (SignInThrottled) until the lock ends, for an unknown user alike', async () => {
      const { service, throttles } = await newTestService({ STAGEFLOW_SIGN_IN_USER_FAILURES: '3', STAGEFLOW_SIGN_IN_LOCK_SECONDS: '30' });
      for (const username of ['ann', 'nobody']) {
        for (let i = 0; i < 3; i++) await expect(service.login(username, 'wrong horse', '10.0.0.1')).rejects.toThrow(Unauthorized);
        await expect(service.login(username, 'correct horse', '10.0.0.1')).rejects.toThrow(SignInThrottled);
      }
      throttles.now += 30_000;
      await expect(service.login('ann', 'correct horse', '10.0.0.1')).resolves.toMatchObject({ tokenType: 'Bearer' });
    });
  });

  describe('browser sessions', () => {
    it('given the right password, when a session starts, then its token authenticates as the user with that session until it is ended', async () => {
      const { service, ann } = await newTestService();

      const started = await service.startSession('ann', 'correct horse', '10.0.0.1');
      const caller = await service.authenticate(started.token);

      expect(started).toMatchObject({ user: { id: ann.id, username: 'ann', teams: ['sales'] }, expiresIn: 600 });
      expect(caller).toEqual({ principal: { userId: ann.id, username: 'ann', roles: ['seller'], groups: ['sales'] }, session: started.session });
      expect(started.session.expiresAt).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 599);
    });

    it('given two sessions and a bearer login, when one session ends, then only its token is refused, though remembered from before', async () => {
      const { service, endedSessionRows } = await newTestService();
      const first = await service.startSession('ann', 'correct horse');
      const second = await service.startSession('ann', 'correct horse');
      const login = await service.login('ann', 'correct horse');
      await service.authenticate(first.token);

      await service.endSession(first.session);

      await expect(service.authenticate(first.token)).rejects.toThrow(new Unauthorized('the session has ended: sign in again'));
      await expect(callerOf(service, second.token)).resolves.toMatchObject({ username: 'ann' });
      expect((await service.authenticate(login.accessToken)).session).toBeUndefined();
      expect([...endedSessionRows.ended.keys()]).toEqual([first.session.id]);
    });

    it('given a session ended on another node, when its notification arrives, then this node refuses its token at once', async () => {
      const { service, endedSessionRows, changes } = await newTestService();
      const started = await service.startSession('ann', 'correct horse');
      await service.authenticate(started.token);
      endedSessionRows.ended.set(started.session.id, new Date(started.session.expiresAt * 1000)); // the other node's write

      await expect(callerOf(service, started.token)).resolves.toMatchObject({ username: 'ann' }); // cached
      changes.emit(`session:${started.session.id}`);
      await expect(service.authenticate(started.token)).rejects.toThrow(Unauthorized);
    });

    it('given a wrong password, when a session starts, then 401 and the failure counts as a sign-in failure', async () => {
      const { service } = await newTestService({ STAGEFLOW_SIGN_IN_USER_FAILURES: '2' });

      await expect(service.startSession('ann', 'wrong horse')).rejects.toThrow(new Unauthorized('wrong username or password'));
      await expect(service.login('ann', 'wrong horse')).rejects.toThrow(Unauthorized);
      await expect(service.startSession('ann', 'correct horse')).rejects.toThrow(SignInThrottled);
    });
  });

  describe("users' life cycle", () => {
    it('given a user signed in twice, when they change their password, then the other session ends and the new token works', async () => {
      const { service, ann } = await newTestService();
      const other = await service.login('ann', 'correct horse');
      const current = await service.login('ann', 'correct horse');
      const principal = await callerOf(service, current.accessToken);

      const changed = await service.changePassword(principal, 'correct horse', 'battery staple');

      await expect(callerOf(service, other.accessToken)).rejects.toThrow(Unauthorized);
      await expect(callerOf(service, current.accessToken)).rejects.toThrow(Unauthorized);
      expect((await callerOf(service, changed.accessToken)).userId).toBe(ann.id);
      await expect(service.login('ann', 'correct horse')).rejects.toThrow(Unauthorized);
      await expect(service.login('ann', 'battery staple')).resolves.toMatchObject({ tokenType: 'Bearer' });
    });

    it('given a wrong old password, when changing it, then 400 naming oldPassword and nothing changes', async () => {
      const { service, users } = await newTestService();
      const session = await service.login('ann', 'correct horse');
      const before = users.byName('ann')!.password_hash;

      await expect(service.changePassword(await callerOf(service, session.accessToken), 'wrong horse', 'battery staple')).rejects.toThrow(
        Invalid.field('oldPassword', 'is not the current password'),
      );
      expect(users.byName('ann')!.password_hash).toBe(before);
      await expect(callerOf(service, session.accessToken)).resolves.toMatchObject({ username: 'ann' });
    });

    it('given a deactivated user, then their JWT and API token are refused at once and they cannot sign in; activated, the API token works again, the old JWT not', async () => {
      const { service, usersService, apiTokens, ann } = await newTestService();
      const session = await service.login('ann', 'correct horse');
      const { token } = await apiTokens.create(ann.id, 'ci');
      await callerOf(service, session.accessToken);
      await callerOf(service, token);

      await usersService.setActive(ann.id, false);

      await expect(callerOf(service, session.accessToken)).rejects.toThrow(Unauthorized);
      await expect(callerOf(service, token)).rejects.toThrow(Unauthorized);
      await expect(service.login('ann', 'correct horse')).rejects.toThrow(new Unauthorized('wrong username or password'));

      await usersService.setActive(ann.id, true);
      await expect(callerOf(service, token)).resolves.toMatchObject({ username: 'ann' });
      await expect(callerOf(service, session.accessToken)).rejects.toThrow(Unauthorized);
    });

    it('given a user deactivated on another node, when its notification arrives, then this node refuses their token at once', async () => {
      const { service, users, changes, ann } = await newTestService();
      const session = await service.login('ann', 'correct horse');
      await callerOf(service, session.accessToken);
      users.rows.find((row) => row.id === ann.id)!.active = false; // the other node's write

      await expect(callerOf(service, session.accessToken)).resolves.toMatchObject({ username: 'ann' }); // cached
      changes.emit(`user:${ann.id}`);
      await expect(callerOf(service, session.accessToken)).rejects.toThrow(Unauthorized);
    });

    it('given the notifications are not heard, when a user changes elsewhere, then nothing was cached and the next request sees it', async () => {
      const { service, users, changes, ann } = await newTestService();
      changes.listening = false;
      const session = await service.login('ann', 'correct horse');
      await callerOf(service, session.accessToken);
      users.rows.find((row) => row.id === ann.id)!.active = false;

      await expect(callerOf(service, session.accessToken)).rejects.toThrow(Unauthorized);
    });

    it('given an API token revoked on another node, when its notification arrives, then this node forgets it', async () => {
      const { service, apiTokens, tokens, changes, ann } = await newTestService();
      const created = await apiTokens.create(ann.id, 'ci');
      await callerOf(service, created.token);
      tokens.rows = [];

      changes.emit('api-tokens');

      await expect(callerOf(service, created.token)).rejects.toThrow(Unauthorized);
    });

    it('given a token of a user that was deleted, or whose subject is not a user id, when authenticating, then 401', async () => {
      const { service, users, jwt, ann } = await newTestService();
      const session = await service.login('ann', 'correct horse');
      const notAnId = await jwt.signAsync({ sub: 'x', username: 'ann', roles: [], groups: [], ep: 0 }, { secret: SECRET, algorithm: 'HS256', expiresIn: 600 });
      users.rows = users.rows.filter((row) => row.id !== ann.id);

      await expect(callerOf(service, session.accessToken)).rejects.toThrow(Unauthorized);
      await expect(callerOf(service, notAnId)).rejects.toThrow(Unauthorized);
    });

    it('given a token without a token epoch (issued before epochs), when authenticating, then 401', async () => {
      const { service, jwt, ann } = await newTestService();
      const old = await jwt.signAsync({ sub: ann.id, username: 'ann', roles: ['seller'], groups: [] }, { secret: SECRET, algorithm: 'HS256', expiresIn: 600 });

      await expect(callerOf(service, old)).rejects.toThrow(new Unauthorized('the access token is invalid or expired'));
    });
  });
});
