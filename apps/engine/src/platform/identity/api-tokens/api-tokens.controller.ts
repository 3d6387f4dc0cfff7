import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { AuthService } from '../auth/auth.service.js';
import { hasAnyRole, type Principal } from '../auth/principal.js';
import { Invalid, Forbidden, NotFound } from '../../errors/domain-errors.js';
import { bodyObject, isUuid, optionalString, requiredString } from '../../http/input.js';
import { ApiTokensService, type ApiTokenView } from './api-tokens.service.js';

@ApiTags('api-tokens')
@ApiBearerAuth()
@Controller('api-tokens')
export class ApiTokensController {
  constructor(
    private readonly tokens: ApiTokensService,
    private readonly auth: AuthService,
  ) {}

  /** Creates a token for the caller (an admin may name another `userId`); the token is shown only here. */
  @Post()
  @HttpCode(201)
  create(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<ApiTokenView & { token: string }> {
    const input = bodyObject(body);
    const name = requiredString(input, 'name', 'name', 200);
    const userId = optionalString(input, 'userId') ?? principal.userId;
    if (!isUuid(userId)) throw Invalid.field('userId', 'must be a user id (UUID)');
    if (userId !== principal.userId && !hasAnyRole(principal, ['admin'])) throw new Forbidden('only an admin creates tokens for other users');
    return this.tokens.create(userId, name);
  }

  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<{ items: ApiTokenView[] }> {
    return { items: await this.tokens.list(hasAnyRole(principal, ['admin']) ? undefined : principal.userId) };
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    if (!isUuid(id)) throw new NotFound(`api token ${id} not found`);
    await this.tokens.revoke(id, hasAnyRole(principal, ['admin']) ? undefined : principal.userId);
    this.auth.forgetApiTokens();
  }
}
