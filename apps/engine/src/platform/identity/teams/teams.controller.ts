import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { NotFound } from '../../errors/domain-errors.js';
import { bodyObject, isUuid, requiredString } from '../../http/input.js';
import { ApiJsonBody, ApiNoContent, ApiResult } from '../../openapi/api-docs.decorators.js';
import { teamName } from './team-name.js';
import { TeamsService, type TeamMemberView, type TeamView } from './teams.service.js';

function teamId(id: string): string {
  if (!isUuid(id)) throw new NotFound(`team ${id} not found`);
  return id;
}

/** Admins manage teams and their members; managers read them. */
@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiJsonBody('TeamRequest')
  @ApiResult(201, 'Team', [400, 401, 403, 409])
  create(@Body() body: unknown): Promise<TeamView> {
    return this.teams.create(teamName(bodyObject(body).name));
  }

  /** Analysts too: the studio's pickers name candidate groups and starters from this list. */
  @Get()
  @Roles('admin', 'manager', 'analyst')
  @ApiResult(200, 'TeamList', [401, 403])
  async list(): Promise<{ items: TeamView[] }> {
    return { items: await this.teams.list() };
  }

  @Get(':id')
  @Roles('admin', 'manager')
  @ApiResult(200, 'Team', [401, 403, 404])
  get(@Param('id') id: string): Promise<TeamView> {
    return this.teams.get(teamId(id));
  }

  /** Renames the team (its candidate group): open tasks keep the group they were created with. */
  @Patch(':id')
  @Roles('admin')
  @ApiJsonBody('TeamRequest')
  @ApiResult(200, 'Team', [400, 401, 403, 404, 409])
  update(@Param('id') id: string, @Body() body: unknown): Promise<TeamView> {
    const team = teamId(id);
    return this.teams.rename(team, teamName(bodyObject(body).name));
  }

  /** 409 while a territory names the team. */
  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContent([401, 403, 404, 409], 'Deleted')
  async delete(@Param('id') id: string): Promise<void> {
    await this.teams.delete(teamId(id));
  }

  @Get(':id/members')
  @Roles('admin', 'manager')
  @ApiResult(200, 'TeamMemberList', [401, 403, 404])
  async members(@Param('id') id: string): Promise<{ items: TeamMemberView[] }> {
    return { items: await this.teams.members(teamId(id)) };
  }

  /** Adds a user by username (again: no change). Takes effect on the user's groups at their next login. */
  @Post(':id/members')
  @HttpCode(200)
  @Roles('admin')
  @ApiJsonBody('TeamMemberRequest')
  @ApiResult(200, 'Team', [400, 401, 403, 404])
  addMember(@Param('id') id: string, @Body() body: unknown): Promise<TeamView> {
    const team = teamId(id);
    return this.teams.addMember(team, requiredString(bodyObject(body), 'username', 'username', 100));
  }

  @Delete(':id/members/:username')
  @Roles('admin')
  @ApiResult(200, 'Team', [401, 403, 404])
  removeMember(@Param('id') id: string, @Param('username') username: string): Promise<TeamView> {
    return this.teams.removeMember(teamId(id), username);
  }
}
