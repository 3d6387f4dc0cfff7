// For service specs: the identity services over their fakes, wired as IdentityModule wires them.
import { JwtService } from '@nestjs/jwt';
import { loadEngineConfig } from '../config/engine-config.js';
import { fakeAs } from '../database/fake-as.js';
import { FakeApiTokensRepository } from './api-tokens/api-tokens.repository.fake.js';
import type { ApiTokensRepository } from './api-tokens/api-tokens.repository.js';
import { ApiTokensService } from './api-tokens/api-tokens.service.js';
import { AuthService } from './auth/auth.service.js';
import type { JwtSecretService } from './auth/jwt-secret.service.js';
import { SignInThrottle } from './auth/sign-in-throttle.service.js';
import { FakeSignInThrottlesRepository } from './auth/sign-in-throttles.repository.fake.js';
import type { SignInThrottlesRepository } from './auth/sign-in-throttles.repository.js';
import { FakeIdentityChanges } from './identity-changes.fake.js';
import { FakeEndedSessionsRepository } from './sessions/ended-sessions.repository.fake.js';
import type { EndedSessionsRepository } from './sessions/ended-sessions.repository.js';
import { EndedSessions } from './sessions/ended-sessions.service.js';
import type { IdentityChanges } from './identity-changes.js';
import { FakeTeamsRepository } from './teams/teams.repository.fake.js';
import type { TeamsRepository } from './teams/teams.repository.js';
import { UserStatusService } from './users/user-status.service.js';
import { FakeUsersRepository } from './users/users.repository.fake.js';
import type { UsersRepository } from './users/users.repository.js';
import { UsersService } from './users/users.service.js';

export const TEST_JWT_SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

export function newIdentityServices(env: NodeJS.ProcessEnv = {}) {
  const users = new FakeUsersRepository();
  const teams = new FakeTeamsRepository(users);
  const tokens = new FakeApiTokensRepository();
  const throttles = new FakeSignInThrottlesRepository();
  const changes = new FakeIdentityChanges();
  const config = loadEngineConfig(env, '/tmp');
  const usersRepository = fakeAs<UsersRepository>(users);
  const status = new UserStatusService(usersRepository, fakeAs<IdentityChanges>(changes));
  const throttle = new SignInThrottle(fakeAs<SignInThrottlesRepository>(throttles), config);
  const usersService = new UsersService(usersRepository, fakeAs<TeamsRepository>(teams), config, status, throttle);
  const apiTokens = new ApiTokensService(fakeAs<ApiTokensRepository>(tokens));
  const secret = fakeAs<JwtSecretService>({ secret: TEST_JWT_SECRET, onModuleInit: () => Promise.resolve() });
  const jwt = new JwtService({});
  const endedSessionRows = new FakeEndedSessionsRepository();
  const endedSessions = new EndedSessions(fakeAs<EndedSessionsRepository>(endedSessionRows), fakeAs<IdentityChanges>(changes));
  const auth = new AuthService(jwt, secret, usersService, apiTokens, config, status, throttle, fakeAs<IdentityChanges>(changes), endedSessions);
  return { auth, usersService, apiTokens, status, throttle, users, teams, tokens, throttles, changes, jwt, config, endedSessions, endedSessionRows };
}
