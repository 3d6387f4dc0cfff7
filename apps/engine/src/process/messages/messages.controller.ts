import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { messageTtlSeconds, validatePublishMessageRequest, type PublishMessageRequest } from '@stageflow/api-contract';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { Invalid } from '../../platform/errors/domain-errors.js';
import { ApiJsonBody, ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { MessagesService, type PublishOutcome } from './messages.service.js';

const STATUS: Record<PublishOutcome['result'], number> = { correlated: 200, started: 201, buffered: 202 };

@ApiTags('messages')
@ApiBearerAuth()
@Controller()
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  /** Correlates a message (200), starts an instance with it (201) or keeps it for its ttl (202). */
  @Post('messages')
  @Roles('admin', 'integrator')
  @ApiJsonBody('PublishMessageRequest')
  @ApiResult(200, 'MessagePublished', [400, 401, 403, 404, 409], 'Correlated to the one waiting instance')
  @ApiResult(201, 'MessagePublished', [], 'Started an instance at a message start event')
  @ApiResult(202, 'MessagePublished', [], 'Nobody waits yet: kept for its ttl')
  async publish(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Res({ passthrough: true }) response: FastifyReply): Promise<PublishOutcome> {
    const issues = validatePublishMessageRequest(body ?? {});
    if (issues.length > 0) throw Invalid.body(issues);
    const request = body as PublishMessageRequest;
    const outcome = await this.messages.publish(
      { name: request.name, correlationKey: request.correlationKey ?? null, variables: request.variables ?? {}, ttlSeconds: messageTtlSeconds(request) },
      { userId: principal.userId, username: principal.username },
    );
    response.status(STATUS[outcome.result]);
    return outcome;
  }
}
