import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallActivitiesModule } from '../call-activities/call-activities.module.js';
import { ExecutionModule } from '../execution/execution.module.js';
import { HistoryEventEntity } from './history-event.entity.js';
import { IncidentEntity } from './incident.entity.js';
import { ProcessInstanceEntity } from './process-instance.entity.js';
import { ProcessInstancesController } from './process-instances.controller.js';
import { ProcessInstancesService } from './process-instances.service.js';

/** Reading instances and their history; cancelling one. */
@Module({
  imports: [TypeOrmModule.forFeature([ProcessInstanceEntity, HistoryEventEntity, IncidentEntity]), ExecutionModule, CallActivitiesModule],
  controllers: [ProcessInstancesController],
  providers: [ProcessInstancesService],
  exports: [ProcessInstancesService],
})
export class ProcessInstancesModule {}
