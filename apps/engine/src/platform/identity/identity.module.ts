import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SettingsModule } from '../settings/settings.module.js';
import { ApiTokenEntity } from './api-tokens/api-token.entity.js';
import { ApiTokensController } from './api-tokens/api-tokens.controller.js';
import { ApiTokensService } from './api-tokens/api-tokens.service.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthService } from './auth/auth.service.js';
import { JwtSecretService } from './auth/jwt-secret.service.js';
import { TeamEntity } from './teams/team.entity.js';
import { TeamsController } from './teams/teams.controller.js';
import { TeamsService } from './teams/teams.service.js';
import { UserEntity } from './users/user.entity.js';
import { UsersController } from './users/users.controller.js';
import { UsersService } from './users/users.service.js';

/**
 * Who calls: users, teams, API tokens and sign-in; the guard that authenticates every request
 * (routes opt out with @Public) and checks @Roles. Owns the `users`, `teams`, `team_members` and
 * `api_tokens` tables. One module, not four: sign-in needs users and tokens, users need teams.
 */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, TeamEntity, ApiTokenEntity]), JwtModule.register({}), SettingsModule],
  controllers: [AuthController, UsersController, TeamsController, ApiTokensController],
  providers: [JwtSecretService, UsersService, TeamsService, ApiTokensService, AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UsersService, TeamsService],
})
export class IdentityModule {}
