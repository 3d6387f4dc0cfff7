import { Module } from '@nestjs/common';
import { JobsModule } from '../../platform/jobs/jobs.module.js';
import { ActionsModule } from '../actions/actions.module.js';
import { ExecutionModule } from '../execution/execution.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { ProcessInstancesModule } from '../process-instances/process-instances.module.js';
import { RuleSetsModule } from '../rule-sets/rule-sets.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { ActionsRuleSets } from './actions-rule-sets.js';
import { ProcessEventJobHandlers } from './process-event-job-handlers.service.js';
import { PackageStoreModule } from '../packages/package-store.module.js';

/** Process events (stage entered, instance ended, ...) delivered to `actions` rule sets by jobs. */
@Module({
  imports: [
    PackageStoreModule,
    JobsModule,
    ActionsModule,
    ExecutionModule,
    IncidentsModule,
    TemplatesModule,
    RuleSetsModule,
    ProcessInstancesModule,
    TasksModule,
  ],
  providers: [ActionsRuleSets, ProcessEventJobHandlers],
})
export class ProcessEventsModule {}
