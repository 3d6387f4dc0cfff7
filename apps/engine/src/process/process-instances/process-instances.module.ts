import { Module } from '@nestjs/common';
import { ExecutionModule } from '../execution/execution.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module.js';
import { InstanceVisibilityModule } from '../visibility/instance-visibility.module.js';
import { DefinitionStatisticsController } from './definition-statistics.controller.js';
import { HistoryRepository } from './history.repository.js';
import { ProcessInstancesController } from './process-instances.controller.js';
import { ProcessInstancesRepository } from './process-instances.repository.js';
import { ProcessInstancesService } from './process-instances.service.js';

/** Starting (who may: process-starters.ts), reading (who sees: visibility/) and cancelling instances, their history. Owns the reads of `process_instances` and the `history` trail. */
@Module({
  imports: [ExecutionModule, IncidentsModule, ProcessDefinitionsModule, InstanceVisibilityModule],
  controllers: [ProcessInstancesController, DefinitionStatisticsController],
  providers: [ProcessInstancesRepository, HistoryRepository, ProcessInstancesService],
  exports: [ProcessInstancesService, ProcessInstancesRepository, HistoryRepository],
})
export class ProcessInstancesModule {}
