import { Module } from '@nestjs/common';
import { JobsModule } from '../../platform/jobs/jobs.module.js';
import { ExecutionModule } from '../execution/execution.module.js';
import { InstanceVisibilityModule } from '../visibility/instance-visibility.module.js';
import { IncidentsController } from './incidents.controller.js';
import { IncidentsRepository } from './incidents.repository.js';
import { IncidentsService } from './incidents.service.js';

/** Incidents: where an instance or a job stopped, why, and the retry that resumes it. */
@Module({
  imports: [JobsModule, ExecutionModule, InstanceVisibilityModule],
  controllers: [IncidentsController],
  providers: [IncidentsRepository, IncidentsService],
  exports: [IncidentsService, IncidentsRepository],
})
export class IncidentsModule {}
