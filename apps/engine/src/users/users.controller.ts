import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { isRole, ROLES, type Role } from '../auth/role.js';
import { ApiError } from '../common/api-error.js';
import { bodyObject, isUuid, optionalStringArray, requiredString } from '../common/input.js';
import { UsersService, type UserView } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  create(@Body() body: unknown): Promise<UserView> {
    const input = bodyObject(body);
    const username = requiredString(input, 'username', 'username', 100);
    const password = requiredString(input, 'password', 'password', 200);
    if (password.length < 8) throw ApiError.invalidField('password', 'must be at least 8 characters');
    const roles = optionalStringArray(input, 'roles') ?? [];
    if (roles.length === 0 || !roles.every(isRole)) throw ApiError.invalidField('roles', `must be a non-empty array of ${ROLES.join(', ')}`);
    const teamIds = optionalStringArray(input, 'teamIds') ?? [];
    if (!teamIds.every(isUuid)) throw ApiError.invalidField('teamIds', 'must be team ids (UUIDs)');
    return this.users.create({ username, password, roles: roles as Role[], teamIds });
  }

  @Get()
  @Roles('admin', 'manager')
  async list(): Promise<{ items: UserView[] }> {
    return { items: await this.users.list() };
  }

  /** The caller's own user. */
  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.users.get(principal.userId);
  }

  @Get(':id')
  @Roles('admin', 'manager')
  get(@Param('id') id: string): Promise<UserView> {
    if (!isUuid(id)) throw ApiError.notFound(`user ${id} not found`);
    return this.users.get(id);
  }
}
