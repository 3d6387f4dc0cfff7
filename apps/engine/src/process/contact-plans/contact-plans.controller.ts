import { Controller, Get, Param, Query } from '@nestjs/common';
import type { ContactPlanDetailView, ContactPlanView } from '@stageflow/api-contract';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { isUuid, parsePaging, queryEnum, queryString, type JsonObject, type Page } from '../../platform/http/input.js';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { ProcessInstancesService } from '../process-instances/process-instances.service.js';
import { ContactPlanProgressService, type ContactPlanProgressView } from './contact-plan-progress.service.js';
import { ContactPlansService } from './contact-plans.service.js';

@ApiTags('contact-plans')
@ApiBearerAuth()
@Controller()
export class ContactPlansController {
  constructor(
    private readonly plans: ContactPlansService,
    private readonly progress: ContactPlanProgressService,
    private readonly instances: ProcessInstancesService,
  ) {}

  /** Lists contact plans (deployed in `.contact-plan.json` resources), newest version first per key; `?key=` and `?latest=true` narrow it. */
  @Get('contact-plans')
  @ApiResult(200, 'ContactPlanPage', [400, 401])
  list(@Query() query: JsonObject): Promise<Page<ContactPlanView>> {
    const latest = queryEnum(query, 'latest', ['true', 'false'] as const) === 'true';
    return this.plans.list({ key: queryString(query, 'key'), latest }, parsePaging(query));
  }

  /** One version with its document. */
  @Get('contact-plans/:id')
  @ApiResult(200, 'ContactPlan', [401, 404])
  get(@Param('id') id: string): Promise<ContactPlanDetailView> {
    if (!isUuid(id)) throw new NotFound(`contact plan ${id} not found`);
    return this.plans.get(id);
  }

  /** The contact plans started on the instance, each step with its run time and status; 404 for an instance the caller does not see. */
  @ApiTags('process-instances')
  @Get('process-instances/:id/contact-plans')
  @ApiResult(200, 'ContactPlanProgressList', [401, 404])
  async contactPlans(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<{ items: ContactPlanProgressView[] }> {
    if (!isUuid(id)) throw new NotFound(`process instance ${id} not found`);
    await this.instances.mustSee(id, principal);
    return this.progress.of(id);
  }
}
