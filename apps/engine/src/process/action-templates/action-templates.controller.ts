import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { isUuid, parsePaging, queryEnum, queryString, type JsonObject, type Page } from '../../platform/http/input.js';
import { ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { ActionTemplatesService, type ActionTemplateDetail, type ActionTemplateView } from './action-templates.service.js';

@ApiTags('action-templates')
@ApiBearerAuth()
@Controller('action-templates')
export class ActionTemplatesController {
  constructor(private readonly templates: ActionTemplatesService) {}

  /** Lists action templates (deployed in `.action.json` resources), newest version first per key; `?key=` and `?latest=true` narrow it. */
  @Get()
  @ApiResult(200, 'ActionTemplatePage', [400, 401])
  list(@Query() query: JsonObject): Promise<Page<ActionTemplateView>> {
    const latest = queryEnum(query, 'latest', ['true', 'false'] as const) === 'true';
    return this.templates.list({ key: queryString(query, 'key'), latest }, parsePaging(query));
  }

  /** One version with its document. */
  @Get(':id')
  @ApiResult(200, 'ActionTemplate', [401, 404])
  get(@Param('id') id: string): Promise<ActionTemplateDetail> {
    if (!isUuid(id)) throw new NotFound(`action template ${id} not found`);
    return this.templates.get(id);
  }
}
