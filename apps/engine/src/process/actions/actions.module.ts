import { Module } from '@nestjs/common';
import { JobsModule } from '../../platform/jobs/jobs.module.js';
import { IdentityModule } from '../../platform/identity/identity.module.js';
import { NotificationsModule } from '../../platform/notifications/notifications.module.js';
import { OutboundModule } from '../../platform/outbound/outbound.module.js';
import { ActionTemplatesModule } from '../action-templates/action-templates.module.js';
import { AssignmentModule } from '../assignment/assignment.module.js';
import { ExecutionModule } from '../execution/execution.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { ProcessInstancesModule } from '../process-instances/process-instances.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { ActionJobHandlers } from './action-job-handlers.service.js';
import { ActionRunners } from './action-runners.js';
import { ActionRunsRepository } from './action-runs.repository.js';
import { CallWebhookRunner } from './call-webhook.runner.js';
import { CreateTaskRunner } from './create-task.runner.js';
import { NotifyUserRunner } from './notify-user.runner.js';
import { SendEmailRunner } from './send-email.runner.js';
import { SetVariablesRunner } from './set-variables.runner.js';
import { StartProcessRunner } from './start-process.runner.js';
import { PackageStoreModule } from '../packages/package-store.module.js';

/**
 * Templated actions of service and send tasks: each run recorded once (`action_runs`), run by
 * the runner registered for its type. Other modules register runners of their own (ActionRunners).
 */
@Module({
  imports: [
    PackageStoreModule,
    JobsModule,
    OutboundModule,
    ExecutionModule,
    IncidentsModule,
    ActionTemplatesModule,
    TemplatesModule,
    AssignmentModule,
    TasksModule,
    ProcessInstancesModule,
    IdentityModule,
    NotificationsModule,
  ],
  providers: [
    ActionRunsRepository,
    ActionRunners,
    SetVariablesRunner,
    NotifyUserRunner,
    StartProcessRunner,
    CreateTaskRunner,
    SendEmailRunner,
    CallWebhookRunner,
    ActionJobHandlers,
  ],
  exports: [ActionRunners, ActionRunsRepository],
})
export class ActionsModule {
  constructor(
    runners: ActionRunners,
    setVariables: SetVariablesRunner,
    notifyUser: NotifyUserRunner,
    startProcess: StartProcessRunner,
    createTask: CreateTaskRunner,
    sendEmail: SendEmailRunner,
    callWebhook: CallWebhookRunner,
  ) {
    runners.register(setVariables, notifyUser, startProcess, createTask, sendEmail, callWebhook);
  }
}
