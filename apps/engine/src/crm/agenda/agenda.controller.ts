// GET /me/agenda?tz=Europe/Berlin: the caller's day (agenda.service.ts).
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { JsonObject } from '../../platform/http/input.js';
import { AgendaService, type Agenda } from './agenda.service.js';

const items = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;

@ApiTags('agenda')
@ApiBearerAuth()
@Controller('me')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  /** Today's and overdue activities, today's meetings, open tasks due by today's end, open opportunities with their next-contact dates. */
  @Get('agenda')
  @ApiQuery({ name: 'tz', required: false, description: 'IANA time zone of "today" (default UTC); 400 for an unknown zone.' })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      properties: {
        timeZone: { type: 'string' },
        now: { type: 'string', format: 'date-time' },
        today: { type: 'object', properties: { start: { type: 'string', format: 'date-time' }, end: { type: 'string', format: 'date-time' } } },
        activities: items,
        meetings: items,
        tasks: items,
        opportunities: items,
      },
    },
  })
  get(@CurrentPrincipal() principal: Principal, @Query() query: JsonObject): Promise<Agenda> {
    return this.agenda.of(principal, query);
  }
}
