import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { guardPoolClients } from './common/database-unavailable.js';
import { ActionJobHandlers } from './actions/action-job-handlers.service.js';
import { ActionRunners } from './actions/action-runners.js';
import { ActionRunsRepository } from './actions/action-runs.repository.js';
import { CallWebhookRunner } from './actions/call-webhook.runner.js';
import { CreateTaskRunner } from './actions/create-task.runner.js';
import { NotifyUserRunner } from './actions/notify-user.runner.js';
import { SendEmailRunner } from './actions/send-email.runner.js';
import { StartProcessRunner } from './actions/start-process.runner.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { ActionsRuleSets } from './process-events/actions-rule-sets.js';
import { ProcessEventJobHandlers } from './process-events/process-event-job-handlers.service.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { SetVariablesRunner } from './actions/set-variables.runner.js';
import { StartContactPlanRunner } from './actions/start-contact-plan.runner.js';
import { ActionTemplateVersions } from './action-templates/action-template-versions.js';
import { ActionTemplatesController } from './action-templates/action-templates.controller.js';
import { ActionTemplatesService } from './action-templates/action-templates.service.js';
import { ContactPlanJobHandlers } from './contact-plans/contact-plan-job-handlers.service.js';
import { ContactPlanProgressService } from './contact-plans/contact-plan-progress.service.js';
import { ContactPlansController } from './contact-plans/contact-plans.controller.js';
import { ContactPlanVersions } from './contact-plans/contact-plan-versions.js';
import { ApiTokensController } from './api-tokens/api-tokens.controller.js';
import { ApiTokensService } from './api-tokens/api-tokens.service.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthService } from './auth/auth.service.js';
import { JwtSecretService } from './auth/jwt-secret.service.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { EmailDeliveryJob } from './email/email-delivery.job.js';
import { EmailOutboxRepository } from './email/email-outbox.repository.js';
import { EmailOutboxService } from './email/email-outbox.service.js';
import { EmailsController } from './email/emails.controller.js';
import { ENGINE_CONFIG, type EngineConfig } from './config/engine-config.js';
import { dataSourceOptions, ENTITIES } from './database/data-source-options.js';
import { runMigrations } from './database/migrate.js';
import { DeploymentsController } from './deployments/deployments.controller.js';
import { DeploymentsService } from './deployments/deployments.service.js';
import { InstanceCommandsService } from './execution/instance-commands.service.js';
import { InstanceStoreRepository } from './execution/instance-store.repository.js';
import { InterpreterPoolService } from './execution/interpreter-pool.service.js';
import { CommandStats } from './execution/command-stats.js';
import { MAX_RECENT_INSTANCES, RecentInstances } from './execution/recent-instances.js';
import { DatabaseClock } from './execution/database-clock.js';
import { HealthController } from './health/health.controller.js';
import { IncidentsController } from './incidents/incidents.controller.js';
import { IncidentsService } from './incidents/incidents.service.js';
import { EngineJobHandlers } from './jobs/engine-job-handlers.service.js';
import { CalledProcessJobHandlers } from './call-activities/called-process-job-handlers.service.js';
import { CalledProcessStoreRepository } from './call-activities/called-process-store.repository.js';
import { MessageJobHandlers } from './messages/message-job-handlers.service.js';
import { MessageStoreRepository } from './messages/message-store.repository.js';
import { MessagesController } from './messages/messages.controller.js';
import { MessagesService } from './messages/messages.service.js';
import { OutboxController } from './messages/outbox.controller.js';
import { OutboxRepository } from './messages/outbox.repository.js';
import { SignalStoreRepository } from './signals/signal-store.repository.js';
import { SignalsController } from './signals/signals.controller.js';
import { SignalsService } from './signals/signals.service.js';
import { JobHandlerRegistry } from './jobs/job-handler-registry.js';
import { JobRunnerService } from './jobs/job-runner.service.js';
import { JobsService } from './jobs/jobs.service.js';
import { NodeRegistry } from './jobs/node-registry.js';
import { ProcessDefinitionsController } from './process-definitions/process-definitions.controller.js';
import { ProcessDefinitionsService } from './process-definitions/process-definitions.service.js';
import { ProcessInstancesController } from './process-instances/process-instances.controller.js';
import { ProcessInstancesService } from './process-instances/process-instances.service.js';
import { RuleSetsController } from './rule-sets/rule-sets.controller.js';
import { RuleSetsService } from './rule-sets/rule-sets.service.js';
import { RuleSetVersions } from './rule-sets/rule-set-versions.js';
import { SettingsService } from './settings/settings.service.js';
import { LiquidTemplates } from './templates/liquid-templates.js';
import { TasksController } from './tasks/tasks.controller.js';
import { TasksService } from './tasks/tasks.service.js';
import { TeamsController } from './teams/teams.controller.js';
import { TerritoriesController } from './territories/territories.controller.js';
import { TerritoriesService } from './territories/territories.service.js';
import { AssignmentService } from './assignment/assignment.service.js';
import { TeamsService } from './teams/teams.service.js';
import { UsersController } from './users/users.controller.js';
import { UsersService } from './users/users.service.js';
import { WebhookDeliveriesRepository } from './webhooks/webhook-deliveries.repository.js';
import { WebhookDeliveryJob } from './webhooks/webhook-delivery.job.js';
import { WebhookOutboxService } from './webhooks/webhook-outbox.service.js';
import { WebhooksController } from './webhooks/webhooks.controller.js';

const databaseLog = new Logger('Database');

@Global()
@Module({})
class ConfigModule {
  static with(config: EngineConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: ENGINE_CONFIG, useValue: config }], exports: [ENGINE_CONFIG] };
  }
}

/** The engine: one module, feature folders inside; the database is migrated before anything runs. */
@Module({})
export class AppModule {
  static with(config: EngineConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.with(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(databaseUrl, config.dbPoolSize), retryAttempts: 3, retryDelay: 1000 }),
          dataSourceFactory: async (options?: DataSourceOptions) => {
            if (!options) throw new Error('no data source options');
            const dataSource = await new DataSource(options).initialize();
            guardPoolClients((dataSource.driver as unknown as { master: Parameters<typeof guardPoolClients>[0] }).master, (message) =>
              databaseLog.warn(message),
            );
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
        TypeOrmModule.forFeature(ENTITIES),
        JwtModule.register({}),
      ],
      controllers: [
        HealthController,
        ContactPlansController,
        AuthController,
        UsersController,
        TeamsController,
        TerritoriesController,
        ApiTokensController,
        DeploymentsController,
        ProcessDefinitionsController,
        ProcessInstancesController,
        TasksController,
        IncidentsController,
        MessagesController,
        OutboxController,
        SignalsController,
        RuleSetsController,
        ActionTemplatesController,
        NotificationsController,
        EmailsController,
        WebhooksController,
      ],
      providers: [
        SettingsService,
        JwtSecretService,
        UsersService,
        TeamsService,
        TerritoriesService,
        AssignmentService,
        ApiTokensService,
        AuthService,
        DeploymentsService,
        ProcessDefinitionsService,
        ProcessInstancesService,
        InstanceStoreRepository,
        InterpreterPoolService,
        InstanceCommandsService,
        TasksService,
        DatabaseClock,
        CommandStats,
        // A plain class: the engine's one memory of recent writes (none with STAGEFLOW_REMEMBER_INSTANCES=false).
        {
          provide: RecentInstances,
          useFactory: (config: EngineConfig) => new RecentInstances(config.rememberInstances ? MAX_RECENT_INSTANCES : 0),
          inject: [ENGINE_CONFIG],
        },
        JobHandlerRegistry,
        JobsService,
        NodeRegistry,
        JobRunnerService,
        EngineJobHandlers,
        MessageStoreRepository,
        MessagesService,
        MessageJobHandlers,
        OutboxRepository,
        SignalStoreRepository,
        SignalsService,
        CalledProcessStoreRepository,
        CalledProcessJobHandlers,
        IncidentsService,
        RuleSetsService,
        RuleSetVersions,
        ActionTemplatesService,
        ActionTemplateVersions,
        LiquidTemplates,
        EmailOutboxService,
        EmailOutboxRepository,
        EmailDeliveryJob,
        WebhookOutboxService,
        WebhookDeliveriesRepository,
        WebhookDeliveryJob,
        ActionRunsRepository,
        SetVariablesRunner,
        NotifyUserRunner,
        StartProcessRunner,
        CreateTaskRunner,
        SendEmailRunner,
        CallWebhookRunner,
        ContactPlanVersions,
        ContactPlanProgressService,
        StartContactPlanRunner,
        ActionRunners,
        ActionJobHandlers,
        ContactPlanJobHandlers,
        NotificationsService,
        ActionsRuleSets,
        ProcessEventJobHandlers,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
