import { Module } from '@nestjs/common';
import { JobsModule } from '../../platform/jobs/jobs.module.js';
import { ActionRunners } from '../actions/action-runners.js';
import { ActionsModule } from '../actions/actions.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { ProcessInstancesModule } from '../process-instances/process-instances.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { ContactPlanJobHandlers } from './contact-plan-job-handlers.service.js';
import { ContactPlanProgressService } from './contact-plan-progress.service.js';
import { ContactPlanStartsRepository } from './contact-plan-starts.repository.js';
import { ContactPlanVersions } from './contact-plan-versions.js';
import { ContactPlansRepository } from './contact-plans.repository.js';
import { ContactPlansController } from './contact-plans.controller.js';
import { ContactPlansService } from './contact-plans.service.js';
import { StartContactPlanRunner } from './start-contact-plan.runner.js';
import { PackageStoreModule } from '../packages/package-store.module.js';

/** Contact plans: a sequence of timed steps (calls, e-mails) started by the `startContactPlan` action. */
@Module({
  imports: [PackageStoreModule, JobsModule, ActionsModule, IncidentsModule, TemplatesModule, ProcessInstancesModule],
  controllers: [ContactPlansController],
  providers: [
    ContactPlansRepository,
    ContactPlansService,
    ContactPlanStartsRepository,
    ContactPlanVersions,
    ContactPlanProgressService,
    ContactPlanJobHandlers,
    StartContactPlanRunner,
  ],
  exports: [ContactPlansRepository],
})
export class ContactPlansModule {
  constructor(runners: ActionRunners, startContactPlan: StartContactPlanRunner) {
    runners.register(startContactPlan);
  }
}
