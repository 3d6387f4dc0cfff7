import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ProcessDefinitionStatisticsList } from '@stageflow/api-contract';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { ApiResult } from '../../platform/openapi/api-docs.decorators.js';
import { ProcessInstancesService } from './process-instances.service.js';

/**
 * GET /process-definitions/statistics: the studio's process list shows per version how many instances
 * run and how many of them are stuck on an incident. Here, beside the instances it counts, rather than
 * in process-definitions/ (which the instances module builds on).
 */
@ApiTags('process-definitions')
@ApiBearerAuth()
@Controller('process-definitions')
export class DefinitionStatisticsController {
  constructor(private readonly instances: ProcessInstancesService) {}

  /** Per process version with running instances (of those the caller sees): how many, and how many with an open incident. */
  @Get('statistics')
  @ApiResult(200, 'ProcessDefinitionStatisticsList', [401])
  statistics(@CurrentPrincipal() principal: Principal): Promise<ProcessDefinitionStatisticsList> {
    return this.instances.statistics(principal);
  }
}
