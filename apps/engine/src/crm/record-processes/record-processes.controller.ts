import { Body, Controller, Get, Param, Put, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RECORD_TYPES, type RecordTypeName } from '@stageflow/api-contract';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { CurrentPrincipal, Roles } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { isUuid } from '../../platform/http/input.js';
import type { RecordProcessView } from './record-processes.row.js';
import { RecordProcessesService, type RecordProcessState } from './record-processes.service.js';

@ApiTags('record-processes')
@ApiBearerAuth()
@Controller('record-processes')
export class RecordProcessesController {
  constructor(private readonly processes: RecordProcessesService) {}

  /** Which process each record type starts when a record is created. */
  @Get()
  list(): Promise<RecordProcessView[]> {
    return this.processes.list();
  }

  /** `{"processKey": "lead"}` or `{"processKey": null}` (admins). */
  @Put(':type')
  @Roles('admin')
  set(@CurrentPrincipal() principal: Principal, @Param('type') type: string, @Body() body: unknown): Promise<RecordProcessView> {
    return this.processes.set(principal, type, body);
  }
}

/** GET /<records>/{id}/process for a record type a process can drive. */
export function recordProcessController(type: RecordTypeName): Type<unknown> {
  const definition = RECORD_TYPES[type];

  @ApiTags(definition.path)
  @ApiBearerAuth()
  @Controller(definition.path)
  class RecordProcessController {
    constructor(private readonly processes: RecordProcessesService) {}

    /** The process driving the record: its instances (state, active elements) and the open tasks the caller may see. */
    @Get(':id/process')
    of(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<RecordProcessState> {
      if (!isUuid(id)) throw new NotFound(`${type} ${id} not found`);
      return this.processes.of(principal, type, id);
    }
  }

  Object.defineProperty(RecordProcessController, 'name', { value: `${definition.path}ProcessController` });
  return RecordProcessController;
}
