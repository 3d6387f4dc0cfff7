import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { validateStartInstanceRequest, type StartInstanceRequest } from '@stageflow/api-contract';
import { CurrentPrincipal, Roles } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { Invalid, NotFound, Conflict } from '../../platform/errors/domain-errors.js';
import { isUuid, parsePaging, queryEnum, queryString, type JsonObject, type Page } from '../../platform/http/input.js';
import { ApiJsonBody, ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { InstanceCommandsService, type InstanceSnapshot } from '../execution/instance-commands.service.js';
import { ProcessInstancesService, type HistoryView, type InstanceDetailView, type InstanceView } from './process-instances.service.js';

const STATES = ['active', 'completed', 'terminated', 'incident'] as const;

@ApiTags('process-instances')
@ApiBearerAuth()
@Controller()
export class ProcessInstancesController {
  constructor(
    private readonly commands: InstanceCommandsService,
    private readonly instances: ProcessInstancesService,
  ) {}

  /** Starts an instance of the latest version of the process `key`. */
  @Post('process-definitions/key/:key/start')
  @HttpCode(201)
  @ApiJsonBody('StartInstanceRequest')
  @ApiResult(201, 'ProcessInstance', [400, 401, 403, 404], 'Started: the instance after its first command')
  start(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Body() body: unknown): Promise<InstanceSnapshot> {
    const request = body ?? {};
    const issues = validateStartInstanceRequest(request);
    if (issues.length > 0) throw Invalid.body(issues);
    const { businessKey, variables } = request as StartInstanceRequest;
    return this.instances.start(principal, key, { businessKey, variables });
  }

  /** The instances the caller sees (docs/api.md, "Who sees an instance"); the filters only narrow them. */
  @Get('process-instances')
  @ApiResult(200, 'ProcessInstancePage', [400, 401])
  list(@CurrentPrincipal() principal: Principal, @Query() query: JsonObject): Promise<Page<InstanceView>> {
    return this.instances.list(
      { definitionKey: queryString(query, 'definitionKey'), state: queryEnum(query, 'state', STATES), businessKey: queryString(query, 'businessKey') },
      parsePaging(query),
      principal,
    );
  }

  @Get('process-instances/:id')
  @ApiResult(200, 'ProcessInstanceDetail', [401, 404])
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<InstanceDetailView> {
    if (!isUuid(id)) throw new NotFound(`process instance ${id} not found`);
    return this.instances.get(id, principal);
  }

  /** Element events in the order they happened. */
  @Get('process-instances/:id/history')
  @ApiResult(200, 'HistoryEventList', [401, 404])
  history(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<{ items: HistoryView[] }> {
    if (!isUuid(id)) throw new NotFound(`process instance ${id} not found`);
    return this.instances.historyOf(id, principal);
  }

  @Post('process-instances/:id/cancel')
  @HttpCode(200)
  @Roles('admin', 'manager', 'integrator', 'analyst')
  @ApiResult(200, 'ProcessInstance', [401, 403, 404, 409])
  async cancel(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<InstanceSnapshot> {
    if (!isUuid(id)) throw new NotFound(`process instance ${id} not found`);
    await this.instances.mustSee(id, principal);
    // A called process ends with its parent (or by its own end): cancelling it alone would
    // leave the parent's call activity waiting for ever.
    const parent = await this.instances.parentOf(id);
    if (parent) {
      throw new Conflict(
        `process instance ${id} was started by a call activity of process instance ${parent.parentInstanceId}; cancel that instance (its root) instead`,
        [{ processInstanceId: id, parentInstanceId: parent.parentInstanceId, parentCallId: parent.callId }],
      );
    }
    return this.commands.cancel(id, { userId: principal.userId, username: principal.username });
  }
}
