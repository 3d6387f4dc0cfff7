import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/identity/auth/auth.decorators.js';
import type { JsonObject, Page } from '../../platform/http/input.js';
import type { CampaignView } from './campaigns.row.js';
import { CampaignsService } from './campaigns.service.js';

const campaignBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 200 },
    channel: { type: 'string', description: 'A key of the lead-channels catalog.' },
    description: { type: 'string', maxLength: 2000, nullable: true },
    budget: { type: 'number', minimum: 0, nullable: true },
    currency: { type: 'string', pattern: '^[A-Z]{3}$', nullable: true, description: 'ISO 4217; required with a budget' },
    startsOn: { type: 'string', format: 'date', nullable: true },
    endsOn: { type: 'string', format: 'date', nullable: true, description: 'On or after startsOn.' },
  },
} as const;

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  /** Campaigns, the latest start first: `channel`, `q` (name contains), `runningOn` (YYYY-MM-DD), `offset`/`limit`. */
  @Get()
  list(@Query() query: JsonObject): Promise<Page<CampaignView>> {
    return this.campaigns.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<CampaignView> {
    return this.campaigns.get(id);
  }

  @Post()
  @HttpCode(201)
  @Roles('admin', 'manager')
  @ApiBody({ schema: { ...campaignBody, required: ['name', 'channel'] } })
  create(@Body() body: unknown): Promise<CampaignView> {
    return this.campaigns.create(body);
  }

  @Patch(':id')
  @Roles('admin', 'manager')
  @ApiBody({ schema: campaignBody })
  update(@Param('id') id: string, @Body() body: unknown): Promise<CampaignView> {
    return this.campaigns.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'manager')
  delete(@Param('id') id: string): Promise<void> {
    return this.campaigns.delete(id);
  }
}
