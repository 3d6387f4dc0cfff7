import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { isRole, ROLES, type Role } from '../auth/role.js';
import { Conflict, Invalid, NotFound } from '../../errors/domain-errors.js';
import { bodyObject, isUuid, optionalStringArray, requiredString, type JsonObject } from '../../http/input.js';
import { ApiJsonBody, ApiResult } from '../../openapi/api-docs.decorators.js';
import { checkNewPassword } from './password-rules.js';
import { UsersService, type UserView } from './users.service.js';

const MAX_SKILLS = 50;

/** `skills`: distinct names of at most 100 characters, trimmed (compared case-insensitively when matching). */
function skillsOf(input: JsonObject): string[] | undefined {
  const value = input.skills;
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw Invalid.field('skills', 'must be an array of skill names');
  if (value.length > MAX_SKILLS) throw Invalid.field('skills', `must have at most ${MAX_SKILLS} skills`);
  const skills: string[] = [];
  value.forEach((item, index) => {
    if (typeof item !== 'string' || item.trim() === '' || item.trim().length > 100)
      throw Invalid.field(`skills[${index}]`, 'must be a non-empty string of at most 100 characters');
    const skill = item.trim();
    if (skills.some((known) => known.toLowerCase() === skill.toLowerCase())) throw Invalid.field(`skills[${index}]`, `repeats "${skill}"`);
    skills.push(skill);
  });
  return skills;
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiResult(201, 'User', [400, 401, 403, 409])
  create(@Body() body: unknown): Promise<UserView> {
    const input = bodyObject(body);
    // Trimmed, unique case-insensitively: `ADMIN` and `admin ` are `admin` (409 when it exists).
    const username = requiredString(input, 'username', 'username', 100).trim();
    if (username === '') throw Invalid.field('username', 'must not be blank');
    const password = checkNewPassword('password', input.password);
    const roles = optionalStringArray(input, 'roles') ?? [];
    if (roles.length === 0 || !roles.every(isRole)) throw Invalid.field('roles', `must be a non-empty array of ${ROLES.join(', ')}`);
    const teamIds = optionalStringArray(input, 'teamIds') ?? [];
    if (!teamIds.every(isUuid)) throw Invalid.field('teamIds', 'must be team ids (UUIDs)');
    return this.users.create({ username, password, roles: roles as Role[], teamIds, skills: skillsOf(input) ?? [] });
  }

  /** Changes a user's profile: today its `skills` (the whole list; `[]` clears it). */
  @Patch(':id')
  @Roles('admin')
  @ApiJsonBody('UserUpdateRequest')
  @ApiResult(200, 'User', [400, 401, 403, 404])
  update(@Param('id') id: string, @Body() body: unknown): Promise<UserView> {
    if (!isUuid(id)) throw new NotFound(`user ${id} not found`);
    const input = bodyObject(body);
    const unknown = Object.keys(input).filter((key) => key !== 'skills');
    if (unknown.length > 0) throw Invalid.field(unknown[0]!, 'cannot be changed here (only skills)');
    const skills = skillsOf(input);
    if (skills === undefined) throw Invalid.field('skills', 'is required: an array of skill names');
    return this.users.setSkills(id, skills);
  }

  /** An admin sets the user's password: all their sessions end (API tokens stay), a sign-in lock of their name is lifted. */
  @Post(':id/password')
  @HttpCode(200)
  @Roles('admin')
  @ApiJsonBody('PasswordResetRequest')
  @ApiResult(200, 'User', [400, 401, 403, 404])
  resetPassword(@Param('id') id: string, @Body() body: unknown): Promise<UserView> {
    if (!isUuid(id)) throw new NotFound(`user ${id} not found`);
    return this.users.resetPassword(id, checkNewPassword('password', bodyObject(body).password));
  }

  /** Deactivates the user: no sign-in, and their access tokens and API tokens are refused at once, on every node. */
  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiResult(200, 'User', [401, 403, 404, 409])
  deactivate(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<UserView> {
    if (!isUuid(id)) throw new NotFound(`user ${id} not found`);
    if (id === principal.userId) throw new Conflict('an admin cannot deactivate themselves');
    return this.users.setActive(id, false);
  }

  /** Activates the user again: they sign in anew (old access tokens stay dead), their API tokens work again. */
  @Post(':id/activate')
  @HttpCode(200)
  @Roles('admin')
  @ApiResult(200, 'User', [401, 403, 404])
  activate(@Param('id') id: string): Promise<UserView> {
    if (!isUuid(id)) throw new NotFound(`user ${id} not found`);
    return this.users.setActive(id, true);
  }

  /** Analysts too: the studio's pickers name assignees and starters from this list. */
  @Get()
  @Roles('admin', 'manager', 'analyst')
  @ApiResult(200, 'UserList', [401, 403])
  async list(): Promise<{ items: UserView[] }> {
    return { items: await this.users.list() };
  }

  /** The caller's own user. */
  @Get('me')
  @ApiResult(200, 'User', [401])
  me(@CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.users.get(principal.userId);
  }

  @Get(':id')
  @Roles('admin', 'manager')
  @ApiResult(200, 'User', [401, 403, 404])
  get(@Param('id') id: string): Promise<UserView> {
    if (!isUuid(id)) throw new NotFound(`user ${id} not found`);
    return this.users.get(id);
  }
}
