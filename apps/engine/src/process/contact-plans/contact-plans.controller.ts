import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { isUuid } from '../../platform/http/input.js';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { ProcessInstancesService } from '../process-instances/process-instances.service.js';
import { ContactPlanProgressService, type ContactPlanProgressView } from './contact-plan-progress.service.js';

@ApiTags('process-instances')
@ApiBearerAuth()
@Controller()
export class ContactPlansController {
  constructor(
    private readonly progress: ContactPlanProgressService,
    private readonly instances: ProcessInstancesService,
  ) {}

  /** The contact plans started on the instance, each step with its run time and status; 404 for an instance the caller does not see. */
  @Get('process-instances/:id/contact-plans')
  @ApiResult(200, 'ContactPlanProgressList', [401, 404])
  async contactPlans(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<{ items: ContactPlanProgressView[] }> {
    if (!isUuid(id)) throw new NotFound(`process instance ${id} not found`);
    await this.instances.mustSee(id, principal);
    return this.progress.of(id);
  }
}
