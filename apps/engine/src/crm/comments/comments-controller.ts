// The routes of comments, under each record type (`/<records>/{id}/comments`), made per type like
// the records' own routes.
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RecordTypeDefinition } from '@stageflow/api-contract';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { JsonObject } from '../../platform/http/input.js';
import { controllerNameOf, recordIdOf } from '../records/record-scope.js';
import type { CommentView } from './comments.row.js';
import { CommentsService, type CommentPage, type MentionableUser } from './comments.service.js';

const commentSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    recordType: { type: 'string' },
    recordId: { type: 'string', format: 'uuid' },
    body: { type: 'string' },
    author: { type: 'object', properties: { id: { type: 'string', format: 'uuid', nullable: true }, name: { type: 'string' } } },
    notified: { type: 'array', items: { type: 'string' }, description: 'The mentioned users who were notified (those who may see the record).' },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

export function recordCommentsController(type: RecordTypeDefinition): Type<unknown> {
  @ApiTags(type.path)
  @ApiBearerAuth()
  @Controller(type.path)
  class RecordCommentsController {
    constructor(@Inject(CommentsService) private readonly comments: CommentsService) {}

    /** Comments on the record; `@username` notifies that user if they may see the record. */
    @Post(':id/comments')
    @HttpCode(201)
    @ApiBody({ schema: { type: 'object', properties: { body: { type: 'string', maxLength: 10000 } }, required: ['body'], additionalProperties: false } })
    @ApiResponse({ status: 201, schema: commentSchema })
    add(@CurrentPrincipal() principal: Principal, @Param('id') recordId: string, @Body() body: unknown): Promise<CommentView> {
      return this.comments.add(principal, type, recordIdOf(type, recordId), body);
    }

    /** The mention picker: users whose username starts with `q` who may see the record (a mention notifies them); at most 10. */
    @Get(':id/comments/mentionable')
    @ApiResponse({
      status: 200,
      schema: {
        type: 'object',
        properties: {
          items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, username: { type: 'string' } } } },
        },
      },
    })
    mentionable(@CurrentPrincipal() principal: Principal, @Param('id') recordId: string, @Query() query: JsonObject): Promise<{ items: MentionableUser[] }> {
      return this.comments.mentionable(principal, type, recordIdOf(type, recordId), query);
    }

    /** The record's comments, newest first: `limit` (1–200, 50), `cursor` from the previous page. */
    @Get(':id/comments')
    @ApiResponse({
      status: 200,
      schema: { type: 'object', properties: { items: { type: 'array', items: commentSchema }, nextCursor: { type: 'string', nullable: true } } },
    })
    list(@CurrentPrincipal() principal: Principal, @Param('id') recordId: string, @Query() query: JsonObject): Promise<CommentPage> {
      return this.comments.list(principal, type, recordIdOf(type, recordId), query);
    }
  }

  Object.defineProperty(RecordCommentsController, 'name', { value: controllerNameOf(type, 'Comments') });
  return RecordCommentsController;
}
