import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { SettingsModule } from '../settings/settings.module.js';
import { ApiTokensRepository } from './api-tokens/api-tokens.repository.js';
import { ApiTokensController } from './api-tokens/api-tokens.controller.js';
import { ApiTokensService } from './api-tokens/api-tokens.service.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthService } from './auth/auth.service.js';
import { JwtSecretService } from './auth/jwt-secret.service.js';
import { SignInThrottle } from './auth/sign-in-throttle.service.js';
import { SignInThrottlesRepository } from './auth/sign-in-throttles.repository.js';
import { IdentityChanges } from './identity-changes.js';
import { EndedSessionsRepository } from './sessions/ended-sessions.repository.js';
import { EndedSessions } from './sessions/ended-sessions.service.js';
import { SessionController } from './sessions/session.controller.js';
import { SessionsService } from './sessions/sessions.service.js';
import { TeamsRepository } from './teams/teams.repository.js';
import { TeamsController } from './teams/teams.controller.js';
import { TeamsService } from './teams/teams.service.js';
import { UserStatusService } from './users/user-status.service.js';
import { UsersController } from './users/users.controller.js';
import { UsersRepository } from './users/users.repository.js';
import { UsersService } from './users/users.service.js';

/**
 * Who calls: users, teams, API tokens and sign-in; the guard that authenticates every request
 * (routes opt out with @Public) and checks @Roles. Owns the `users` (team membership is their
 * `team_ids`), `teams`, `api_tokens`, `sign_in_throttles` and `ended_sessions` tables, one
 * repository each; browser sessions in an httpOnly cookie with CSRF tokens (sessions/); tells every
 * node of users' changes, tokens' revocations and sign-outs (IdentityChanges, LISTEN/NOTIFY). One module, not four: sign-in
 * needs users and tokens, users need teams. Exports the repositories of users and teams for
 * other modules' reads on their own transaction (a user by name, a team by name, candidates).
 */
@Module({
  imports: [JwtModule.register({}), SettingsModule],
  controllers: [AuthController, SessionController, UsersController, TeamsController, ApiTokensController],
  providers: [
    UsersRepository,
    TeamsRepository,
    ApiTokensRepository,
    SignInThrottlesRepository,
    EndedSessionsRepository,
    IdentityChanges,
    EndedSessions,
    UserStatusService,
    SignInThrottle,
    JwtSecretService,
    UsersService,
    TeamsService,
    ApiTokensService,
    AuthService,
    SessionsService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersService, TeamsService, UsersRepository, TeamsRepository, UserStatusService],
})
export class IdentityModule {}
