import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/auth.decorators.js';
import { Invalid } from '../../errors/domain-errors.js';
import { isUuid, parsePaging, queryEnum, queryString, type JsonObject, type Page } from '../../http/input.js';
import { ApiResult } from '../../openapi/api-docs.decorators.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WEBHOOK_STATUSES, type WebhookDeliveryView } from './webhook-deliveries.row.js';

@ApiTags('outbound')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly deliveries: WebhookDeliveriesRepository) {}

  /** Webhook deliveries, newest first: status, attempts, last answer or error; filters `status`, `processInstanceId`; paging. */
  @Get('deliveries')
  @Roles('admin', 'integrator')
  @ApiQuery({ name: 'status', required: false, enum: [...WEBHOOK_STATUSES] })
  @ApiQuery({ name: 'processInstanceId', required: false, schema: { type: 'string', format: 'uuid' } })
  @ApiQuery({ name: 'offset', required: false, schema: { type: 'integer', minimum: 0 } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500 } })
  @ApiResult(200, 'WebhookDeliveryPage', [400, 401, 403])
  list(@Query() query: JsonObject): Promise<Page<WebhookDeliveryView>> {
    const processInstanceId = queryString(query, 'processInstanceId');
    if (processInstanceId !== undefined && !isUuid(processInstanceId)) throw Invalid.field('processInstanceId', 'must be a process instance id (a UUID)');
    return this.deliveries.list({ status: queryEnum(query, 'status', WEBHOOK_STATUSES), processInstanceId }, parsePaging(query));
  }
}
