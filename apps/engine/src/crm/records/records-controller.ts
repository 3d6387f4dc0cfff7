// The HTTP routes of one record type, made for each type from its definition: the five record
// collections answer alike (list, create, read, change, delete, hand over, history), documented
// with the body and record schemas derived from the same fields.
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { createBodySchema, recordSchema, updateBodySchema, type RecordTypeDefinition } from '@stageflow/api-contract';
import { NotFound, Invalid } from '../../platform/errors/domain-errors.js';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { isUuid, type JsonObject } from '../../platform/http/input.js';
import { requestSchema } from '../../platform/openapi/request-schema.js';
import type { RecordView } from './record-columns.js';
import type { FieldChangeView } from './record-history.row.js';
import { RecordsService, type RecordPage } from './records.service.js';

function allowDuplicate(query: JsonObject): boolean {
  for (const key of Object.keys(query)) if (key !== 'allowDuplicate') throw Invalid.field(key, 'is not a parameter of this operation');
  const value = query.allowDuplicate;
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw Invalid.field('allowDuplicate', 'must be true or false');
}

function pascal(text: string): string {
  return text.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}

export function recordsController(type: RecordTypeDefinition): Type<unknown> {
  const record = requestSchema(recordSchema(type));
  const page = { type: 'object', properties: { items: { type: 'array', items: record }, nextCursor: { type: 'string', nullable: true } } } as const;
  const id = (value: string): string => {
    if (!isUuid(value)) throw new NotFound(`${type.name} ${value} not found`);
    return value;
  };

  @ApiTags(type.path)
  @ApiBearerAuth()
  @Controller(type.path)
  class RecordsController {
    constructor(@Inject(RecordsService) private readonly records: RecordsService) {}

    /** The records the caller sees: filters, `q`, `sort`, `cursor`, `limit` (record-list-query.ts). */
    @Get()
    @ApiResponse({ status: 200, schema: page })
    list(@CurrentPrincipal() principal: Principal, @Query() query: JsonObject): Promise<RecordPage> {
      return this.records.list(principal, type, query);
    }

    @Post()
    @HttpCode(201)
    @ApiBody({ schema: requestSchema(createBodySchema(type)) })
    @ApiResponse({ status: 201, schema: record })
    create(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Query() query: JsonObject): Promise<RecordView> {
      return this.records.create(principal, type, body, { allowDuplicate: allowDuplicate(query) });
    }

    @Get(':id')
    @ApiResponse({ status: 200, schema: record })
    get(@CurrentPrincipal() principal: Principal, @Param('id') recordId: string): Promise<RecordView> {
      return this.records.get(principal, type, id(recordId));
    }

    @Patch(':id')
    @ApiBody({ schema: requestSchema(updateBodySchema(type)) })
    @ApiResponse({ status: 200, schema: record })
    update(@CurrentPrincipal() principal: Principal, @Param('id') recordId: string, @Body() body: unknown): Promise<RecordView> {
      return this.records.update(principal, type, id(recordId), body);
    }

    @Delete(':id')
    @HttpCode(204)
    async delete(@CurrentPrincipal() principal: Principal, @Param('id') recordId: string): Promise<void> {
      await this.records.delete(principal, type, id(recordId));
    }

    /** Hands the record to another owner, or to a team's queue (`ownerId: null`): managers and admins. */
    @Post(':id/owner')
    @HttpCode(200)
    @ApiBody({
      schema: {
        type: 'object',
        properties: {
          ownerId: { type: 'string', format: 'uuid', nullable: true },
          teamId: { type: 'string', format: 'uuid', nullable: true },
          reason: { type: 'string' },
        },
        required: ['ownerId'],
      },
    })
    @ApiResponse({ status: 200, schema: record })
    handOver(@CurrentPrincipal() principal: Principal, @Param('id') recordId: string, @Body() body: unknown): Promise<RecordView> {
      return this.records.handOver(principal, type, id(recordId), body);
    }

    /** Every change of the record, newest first: who, when, which field, old and new value, and why. */
    @Get(':id/history')
    history(@CurrentPrincipal() principal: Principal, @Param('id') recordId: string): Promise<{ items: FieldChangeView[] }> {
      return this.records.historyOf(principal, type, id(recordId));
    }
  }

  Object.defineProperty(RecordsController, 'name', { value: `${pascal(type.path)}Controller` });
  return RecordsController;
}
