import { Module } from '@nestjs/common';
import { JobsModule } from '../../platform/jobs/jobs.module.js';
import { ExecutionModule } from '../execution/execution.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module.js';
import { ProcessInstancesModule } from '../process-instances/process-instances.module.js';
import { CalledProcessJobHandlers } from './called-process-job-handlers.service.js';
import { CalledProcessStoreRepository } from './called-process-store.repository.js';

/** Call activities: the child instance started, and its end or error handed back to the parent. */
@Module({
  imports: [JobsModule, ExecutionModule, ProcessDefinitionsModule, IncidentsModule, ProcessInstancesModule],
  providers: [CalledProcessStoreRepository, CalledProcessJobHandlers],
  exports: [CalledProcessStoreRepository],
})
export class CallActivitiesModule {}
