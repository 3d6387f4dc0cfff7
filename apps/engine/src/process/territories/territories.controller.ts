import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/identity/auth/auth.decorators.js';
import { bodyObject } from '../../platform/http/input.js';
import { ApiJsonBody, ApiNoContent, ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { TerritoriesService, type TerritoryView } from './territories.service.js';
import { newTerritory, territoryChanges } from './territory-input.js';

/** Admins manage territories; managers read them. `{key}` is URL-encoded (keys may hold spaces). */
@ApiTags('territories')
@ApiBearerAuth()
@Controller('territories')
export class TerritoriesController {
  constructor(private readonly territories: TerritoriesService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiJsonBody('TerritoryRequest')
  @ApiResult(201, 'Territory', [400, 401, 403, 409])
  create(@Body() body: unknown): Promise<TerritoryView> {
    return this.territories.create(newTerritory(bodyObject(body)));
  }

  @Get()
  @Roles('admin', 'manager')
  @ApiResult(200, 'TerritoryList', [401, 403])
  async list(): Promise<{ items: TerritoryView[] }> {
    return { items: await this.territories.list() };
  }

  @Get(':key')
  @Roles('admin', 'manager')
  @ApiResult(200, 'Territory', [401, 403, 404])
  get(@Param('key') key: string): Promise<TerritoryView> {
    return this.territories.get(key);
  }

  /** Changes name, team, defaultOwner (null clears either) or actions; the key stays. */
  @Patch(':key')
  @Roles('admin')
  @ApiJsonBody('TerritoryUpdateRequest')
  @ApiResult(200, 'Territory', [400, 401, 403, 404])
  update(@Param('key') key: string, @Body() body: unknown): Promise<TerritoryView> {
    return this.territories.update(key, territoryChanges(bodyObject(body)));
  }

  @Delete(':key')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContent([401, 403, 404], 'Deleted')
  async delete(@Param('key') key: string): Promise<void> {
    await this.territories.delete(key);
  }
}
