// GET /<records>/{id}/timeline, made per record type like the records' own routes.
import { Controller, Get, Inject, Param, Query, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { RecordTypeDefinition } from '@stageflow/api-contract';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import { ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { JsonObject } from '../../platform/http/input.js';
import { controllerNameOf, recordIdOf } from '../records/record-scope.js';
import type { TimelinePage } from './timeline.row.js';
import { TimelineService } from './timeline.service.js';

export function recordTimelineController(type: RecordTypeDefinition): Type<unknown> {
  @ApiTags(type.path)
  @ApiBearerAuth()
  @Controller(type.path)
  class RecordTimelineController {
    constructor(@Inject(TimelineService) private readonly timeline: TimelineService) {}

    /**
     * What happened to the record, newest first: field and stage changes, activities, comments,
     * attachments, e-mails and its process's tasks. `limit` (1–100, 50), `cursor` from the previous page.
     */
    @Get(':id/timeline')
    @ApiResult(200, 'TimelinePage', [400, 401, 404])
    list(@CurrentPrincipal() principal: Principal, @Param('id') recordId: string, @Query() query: JsonObject): Promise<TimelinePage> {
      return this.timeline.of(principal, type, recordIdOf(type, recordId), query);
    }
  }

  Object.defineProperty(RecordTimelineController, 'name', { value: controllerNameOf(type, 'Timeline') });
  return RecordTimelineController;
}
