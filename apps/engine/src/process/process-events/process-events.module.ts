import { Module } from '@nestjs/common';
import { JobsModule } from '../../platform/jobs/jobs.module.js';
import { ActionsModule } from '../actions/actions.module.js';
import { ExecutionModule } from '../execution/execution.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { ActionsRuleSets } from './actions-rule-sets.js';
import { ProcessEventJobHandlers } from './process-event-job-handlers.service.js';

/** Process events (stage entered, instance ended, ...) delivered to `actions` rule sets by jobs. */
@Module({
  imports: [JobsModule, ActionsModule, ExecutionModule, IncidentsModule, TemplatesModule],
  providers: [ActionsRuleSets, ProcessEventJobHandlers],
})
export class ProcessEventsModule {}
