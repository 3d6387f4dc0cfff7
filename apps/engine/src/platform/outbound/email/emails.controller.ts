import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/auth.decorators.js';
import { Invalid } from '../../errors/domain-errors.js';
import { isUuid, parsePaging, queryEnum, queryString, type JsonObject, type Page } from '../../http/input.js';
import { ApiResult } from '../../openapi/api-docs.decorators.js';
import { EmailOutboxRepository } from './email-outbox.repository.js';
import { EMAIL_STATUSES, type EmailView } from './email-outbox.row.js';

@ApiTags('outbound')
@ApiBearerAuth()
@Controller('emails')
export class EmailsController {
  constructor(private readonly outbox: EmailOutboxRepository) {}

  /** The e-mail outbox, newest first: status, attempts, last error; filters `status`, `processInstanceId`; paging. */
  @Get()
  @Roles('admin', 'integrator')
  @ApiQuery({ name: 'status', required: false, enum: [...EMAIL_STATUSES] })
  @ApiQuery({ name: 'processInstanceId', required: false, schema: { type: 'string', format: 'uuid' } })
  @ApiQuery({ name: 'offset', required: false, schema: { type: 'integer', minimum: 0 } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500 } })
  @ApiResult(200, 'EmailPage', [400, 401, 403])
  list(@Query() query: JsonObject): Promise<Page<EmailView>> {
    const processInstanceId = queryString(query, 'processInstanceId');
    if (processInstanceId !== undefined && !isUuid(processInstanceId)) throw Invalid.field('processInstanceId', 'must be a process instance id (a UUID)');
    return this.outbox.list({ status: queryEnum(query, 'status', EMAIL_STATUSES), processInstanceId }, parsePaging(query));
  }
}
