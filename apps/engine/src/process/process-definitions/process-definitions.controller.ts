import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { isUuid, parsePaging, queryEnum, queryString, type JsonObject, type Page } from '../../platform/http/input.js';
import { ProcessDefinitionsService, type ProcessDefinitionDiagramView, type ProcessDefinitionView } from './process-definitions.service.js';

@ApiTags('process-definitions')
@ApiBearerAuth()
@Controller('process-definitions')
export class ProcessDefinitionsController {
  constructor(private readonly definitions: ProcessDefinitionsService) {}

  /** Lists definitions, newest version first per key; `?key=` and `?latest=true` narrow it. */
  @Get()
  @ApiResult(200, 'ProcessDefinitionPage', [400, 401])
  list(@Query() query: JsonObject): Promise<Page<ProcessDefinitionView>> {
    const latest = queryEnum(query, 'latest', ['true', 'false'] as const) === 'true';
    return this.definitions.list({ key: queryString(query, 'key'), latest }, parsePaging(query));
  }

  /** The messages the latest version of every process catches or throws, by name: the modeler's message-name picker. */
  @Get('message-names')
  @ApiResult(200, 'MessageNameList', [401])
  async messageNames(): Promise<{ items: string[] }> {
    return { items: await this.definitions.messageNames() };
  }

  @Get(':id')
  @ApiResult(200, 'ProcessDefinition', [401, 404])
  get(@Param('id') id: string): Promise<ProcessDefinitionView> {
    if (!isUuid(id)) throw new NotFound(`process definition ${id} not found`);
    return this.definitions.get(id);
  }

  /** The version with its BPMN XML as deployed, as JSON: what the studio draws (the read-only view, the diff of two versions). */
  @Get(':id/diagram')
  @ApiResult(200, 'ProcessDefinitionDiagram', [401, 404])
  diagram(@Param('id') id: string): Promise<ProcessDefinitionDiagramView> {
    if (!isUuid(id)) throw new NotFound(`process definition ${id} not found`);
    return this.definitions.diagram(id);
  }

  /** The BPMN XML as deployed. */
  @Get(':id/xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  xml(@Param('id') id: string): Promise<string> {
    if (!isUuid(id)) throw new NotFound(`process definition ${id} not found`);
    return this.definitions.xml(id);
  }
}
