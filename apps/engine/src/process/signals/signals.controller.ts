import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { validateBroadcastSignalRequest, type BroadcastSignalRequest } from '@stageflow/api-contract';
import { CurrentPrincipal, Roles } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { Invalid } from '../../platform/errors/domain-errors.js';
import { ApiJsonBody, ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { SignalsService, type BroadcastResult } from './signals.service.js';

@ApiTags('signals')
@ApiBearerAuth()
@Controller()
export class SignalsController {
  constructor(private readonly signals: SignalsService) {}

  /** Broadcasts a signal: 202 with how many instances get it and how many it starts (the work is done by jobs). */
  @Post('signals')
  @HttpCode(202)
  @Roles('admin', 'integrator')
  @ApiJsonBody('BroadcastSignalRequest')
  @ApiResult(202, 'SignalBroadcast', [400, 401, 403], 'Queued: one job per subscribed instance and per signal start event')
  broadcast(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<BroadcastResult> {
    const issues = validateBroadcastSignalRequest(body ?? {});
    if (issues.length > 0) throw Invalid.body(issues);
    const request = body as BroadcastSignalRequest;
    return this.signals.broadcast(request.name, request.variables ?? {}, { userId: principal.userId, username: principal.username });
  }
}
