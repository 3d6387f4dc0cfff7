// GET /<records>/{id}/timeline, made per record type like the records' own routes.
import { Controller, Get, Inject, Param, Query, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RecordTypeDefinition } from '@stageflow/api-contract';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { JsonObject } from '../../platform/http/input.js';
import { controllerNameOf, recordIdOf } from '../records/record-scope.js';
import { TIMELINE_KINDS, type TimelinePage } from './timeline.row.js';
import { TimelineService } from './timeline.service.js';

const entrySchema = {
  type: 'object',
  properties: {
    at: { type: 'string', format: 'date-time' },
    kind: { type: 'string', enum: [...TIMELINE_KINDS] },
    actor: { type: 'object', properties: { id: { type: 'string', format: 'uuid', nullable: true }, name: { type: 'string' } } },
    summary: { type: 'string' },
    details: { type: 'object', additionalProperties: true },
    ref: {
      type: 'object',
      properties: { type: { type: 'string' }, id: { type: 'string' }, href: { type: 'string' } },
      description: 'What the entry is about when it has its own resource (activity, comment, attachment, email, task).',
    },
  },
  required: ['at', 'kind', 'summary', 'details'],
};

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
    @ApiResponse({
      status: 200,
      schema: { type: 'object', properties: { items: { type: 'array', items: entrySchema }, nextCursor: { type: 'string', nullable: true } } },
    })
    @ApiResponse({ status: 404, description: 'No such record, or one the caller may not see.' })
    list(@CurrentPrincipal() principal: Principal, @Param('id') recordId: string, @Query() query: JsonObject): Promise<TimelinePage> {
      return this.timeline.of(principal, type, recordIdOf(type, recordId), query);
    }
  }

  Object.defineProperty(RecordTimelineController, 'name', { value: controllerNameOf(type, 'Timeline') });
  return RecordTimelineController;
}
