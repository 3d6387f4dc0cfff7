import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../identity/auth/auth.decorators.js';
import type { Principal } from '../identity/auth/principal.js';
import { NotFound } from '../errors/domain-errors.js';
import { isUuid, parsePaging, queryEnum, type JsonObject, type Page } from '../http/input.js';
import { ApiResult } from '../openapi/api-docs.decorators.js';
import { NotificationsService, type NotificationView } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's own in-app notifications, newest first; `?unread=true` keeps the unread ones. */
  @Get()
  @ApiResult(200, 'NotificationPage', [400, 401])
  list(@CurrentPrincipal() principal: Principal, @Query() query: JsonObject): Promise<Page<NotificationView>> {
    const unread = queryEnum(query, 'unread', ['true', 'false'] as const) === 'true';
    return this.notifications.list(principal.username, unread, parsePaging(query));
  }

  /** Marks one of the caller's notifications read; 404 for another user's or an unknown id. */
  @Post(':id/read')
  @HttpCode(200)
  @ApiResult(200, 'Notification', [401, 404])
  read(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<NotificationView> {
    if (!isUuid(id)) throw new NotFound(`notification ${id} not found`);
    return this.notifications.markRead(principal.username, id);
  }
}
