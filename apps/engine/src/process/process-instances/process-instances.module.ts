import { Module } from '@nestjs/common';
import { ExecutionModule } from '../execution/execution.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { HistoryRepository } from './history.repository.js';
import { ProcessInstancesController } from './process-instances.controller.js';
import { ProcessInstancesRepository } from './process-instances.repository.js';
import { ProcessInstancesService } from './process-instances.service.js';

/** Reading instances and their history; cancelling one. Owns the reads of `process_instances` and the `history` trail. */
@Module({
  imports: [ExecutionModule, IncidentsModule],
  controllers: [ProcessInstancesController],
  providers: [ProcessInstancesRepository, HistoryRepository, ProcessInstancesService],
  exports: [ProcessInstancesService, ProcessInstancesRepository, HistoryRepository],
})
export class ProcessInstancesModule {}
