import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/api-error.js';
import { isUuid } from '../common/input.js';
import { ApiResult } from '../openapi/api-docs.decorators.js';
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
    if (!isUuid(id)) throw ApiError.notFound(`process instance ${id} not found`);
    return this.progress.of(id);
  }
}
