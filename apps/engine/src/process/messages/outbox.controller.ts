import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/identity/auth/auth.decorators.js';
import { Invalid } from '../../platform/errors/domain-errors.js';
import { ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { isUuid, parsePaging, queryString, type JsonObject, type Page } from '../../platform/http/input.js';
import { OutboxRepository, type OutboxEntry } from './outbox.repository.js';

@ApiTags('messages')
@ApiBearerAuth()
@Controller()
export class OutboxController {
  constructor(private readonly outbox: OutboxRepository) {}

  /** Messages thrown by instances, oldest first; filters `processInstanceId`, `name`; paging. */
  @Get('outbox')
  @Roles('admin', 'integrator', 'analyst')
  @ApiResult(200, 'OutboxPage', [400, 401, 403])
  list(@Query() query: JsonObject): Promise<Page<OutboxEntry>> {
    const processInstanceId = queryString(query, 'processInstanceId');
    if (processInstanceId !== undefined && !isUuid(processInstanceId)) throw Invalid.field('processInstanceId', 'must be a process instance id (a UUID)');
    return this.outbox.list({ processInstanceId, name: queryString(query, 'name') }, parsePaging(query));
  }
}
