import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { ApiError } from '../common/api-error.js';
import { ApiResult } from '../openapi/api-docs.decorators.js';
import { isUuid, parsePaging, queryString, type JsonObject, type Page } from '../common/input.js';
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
    if (processInstanceId !== undefined && !isUuid(processInstanceId))
      throw ApiError.invalidField('processInstanceId', 'must be a process instance id (a UUID)');
    return this.outbox.list({ processInstanceId, name: queryString(query, 'name') }, parsePaging(query));
  }
}
