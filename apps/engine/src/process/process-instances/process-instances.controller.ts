import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  validateEditInstanceVariablesRequest,
  validateStartInstanceRequest,
  type EditInstanceVariablesRequest,
  type StartInstanceRequest,
} from '@stageflow/api-contract';
import { CurrentPrincipal, Roles } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { Invalid, NotFound, Conflict } from '../../platform/errors/domain-errors.js';
import { isUuid, type JsonObject } from '../../platform/http/input.js';
import { ApiJsonBody, ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { InstanceCommandsService, type InstanceSnapshot } from '../execution/instance-commands.service.js';
import {
  ProcessInstancesService,
  type HistoryView,
  type InstanceDetailView,
  type InstancePage,
  type InstancePathView,
  type WaitingInstancesView,
} from './process-instances.service.js';
import { instanceListQuery } from './instance-list-query.js';

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

  /**
   * The instances the caller sees (docs/api.md, "Who sees an instance"), newest first; the filters
   * (definitionKey, version, state, businessKey, hasIncident) only narrow them. Paged by offset, or
   * by `cursor` (the previous page's `nextCursor`).
   */
  @Get('process-instances')
  @ApiResult(200, 'ProcessInstancePage', [400, 401])
  list(@CurrentPrincipal() principal: Principal, @Query() query: JsonObject): Promise<InstancePage> {
    const { filter, paging } = instanceListQuery(query);
    return this.instances.list(filter, paging, principal);
  }

  /** How many running instances of this version (of those the caller sees) wait at each element now. */
  @Get('process-definitions/key/:key/versions/:version/waiting')
  @ApiResult(200, 'WaitingInstances', [400, 401, 404])
  waiting(@CurrentPrincipal() principal: Principal, @Param('key') key: string, @Param('version') version: string): Promise<WaitingInstancesView> {
    if (!/^[1-9]\d{0,8}$/.test(version)) throw Invalid.field('version', 'must be a positive integer');
    return this.instances.waiting(key, Number(version), principal);
  }

  /** Its active elements and the path it took: each element's entries and exits, each sequence flow's passes. */
  @Get('process-instances/:id/path')
  @ApiResult(200, 'InstancePath', [401, 404])
  path(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<InstancePathView> {
    if (!isUuid(id)) throw new NotFound(`process instance ${id} not found`);
    return this.instances.pathOf(id, principal);
  }

  /** An admin sets instance variables (others keep theirs); the history records who, when, old and new. */
  @Patch('process-instances/:id/variables')
  @Roles('admin')
  @ApiJsonBody('EditInstanceVariablesRequest')
  @ApiResult(200, 'ProcessInstance', [400, 401, 403, 404, 409], 'Set: the instance after the edit')
  editVariables(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<InstanceSnapshot> {
    if (!isUuid(id)) throw new NotFound(`process instance ${id} not found`);
    const issues = validateEditInstanceVariablesRequest(body ?? {});
    if (issues.length > 0) throw Invalid.body(issues);
    return this.instances.editVariables(id, (body as EditInstanceVariablesRequest).variables, principal);
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
