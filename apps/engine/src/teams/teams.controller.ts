import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { bodyObject, requiredString } from '../common/input.js';
import { TeamsService, type TeamView } from './teams.service.js';

@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  create(@Body() body: unknown): Promise<TeamView> {
    return this.teams.create(requiredString(bodyObject(body), 'name', 'name', 200));
  }

  @Get()
  @Roles('admin', 'manager')
  async list(): Promise<{ items: TeamView[] }> {
    return { items: await this.teams.list() };
  }
}
