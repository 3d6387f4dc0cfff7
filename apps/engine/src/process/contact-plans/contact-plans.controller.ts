import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { isUuid } from '../../platform/http/input.js';
import { ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { ContactPlanProgressService, type ContactPlanProgressView } from './contact-plan-progress.service.js';

@ApiTags('process-instances')
@ApiBearerAuth()
@Controller()
export class ContactPlansController {
  constructor(private readonly progress: ContactPlanProgressService) {}

  /** The contact plans started on the instance, each step with its run time and status. */
  @Get('process-instances/:id/contact-plans')
  @ApiResult(200, 'ContactPlanProgressList', [401, 404])
  contactPlans(@Param('id') id: string): Promise<{ items: ContactPlanProgressView[] }> {
    if (!isUuid(id)) throw new NotFound(`process instance ${id} not found`);
    return this.progress.of(id);
  }
}
