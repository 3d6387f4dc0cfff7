// GET /me/agenda?tz=Europe/Berlin: the caller's day (agenda.service.ts).
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { JsonObject } from '../../platform/http/input.js';
import { ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { AgendaService, type Agenda } from './agenda.service.js';

@ApiTags('agenda')
@ApiBearerAuth()
@Controller('me')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  /** Today's and overdue activities, today's meetings, open tasks due by today's end, open opportunities with their next-contact dates. */
  @Get('agenda')
  @ApiQuery({ name: 'tz', required: false, description: 'IANA time zone of "today" (default UTC); 400 for an unknown zone.' })
  @ApiResult(200, 'Agenda', [400, 401])
  get(@CurrentPrincipal() principal: Principal, @Query() query: JsonObject): Promise<Agenda> {
    return this.agenda.of(principal, query);
  }
}
