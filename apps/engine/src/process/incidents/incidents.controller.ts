import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { Invalid } from '../../platform/errors/domain-errors.js';
import { isUuid, parsePaging, queryEnum, queryString, type JsonObject, type Page } from '../../platform/http/input.js';
import { ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { IncidentsService, type IncidentView } from './incidents.service.js';

const STATES = ['open', 'resolved'] as const;

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  /** Incidents of the instances the caller sees, newest first; filters `processInstanceId`, `state` (open, resolved). */
  @Get()
  @ApiResult(200, 'IncidentPage', [400, 401])
  list(@CurrentPrincipal() principal: Principal, @Query() query: JsonObject): Promise<Page<IncidentView>> {
    const processInstanceId = queryString(query, 'processInstanceId');
    if (processInstanceId !== undefined && !isUuid(processInstanceId)) throw Invalid.field('processInstanceId', 'must be a UUID');
    return this.incidents.list({ processInstanceId, state: queryEnum(query, 'state', STATES) }, parsePaging(query), principal);
  }

  @Get(':id')
  @ApiResult(200, 'Incident', [401, 404])
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<IncidentView> {
    return this.incidents.get(id, principal);
  }

  /** A job incident queues its job again; an interpreter incident runs its element again. */
  @Post(':id/retry')
  @HttpCode(200)
  @Roles('admin', 'manager', 'integrator', 'analyst')
  @ApiResult(200, 'Incident', [401, 403, 404, 409], 'Resolved: the job is queued again, or the element ran again')
  retry(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<IncidentView> {
    return this.incidents.retry(id, { userId: principal.userId, username: principal.username }, principal);
  }
}
