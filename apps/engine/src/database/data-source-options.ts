import type { DataSourceOptions } from 'typeorm';
import { ApiTokenEntity } from '../api-tokens/api-token.entity.js';
import { DeploymentEntity } from '../deployments/deployment.entity.js';
import { ProcessDefinitionEntity } from '../process-definitions/process-definition.entity.js';
import { HistoryEventEntity } from '../process-instances/history-event.entity.js';
import { IncidentEntity } from '../process-instances/incident.entity.js';
import { ProcessInstanceEntity } from '../process-instances/process-instance.entity.js';
import { SettingEntity } from '../settings/setting.entity.js';
import { UserTaskEntity } from '../tasks/user-task.entity.js';
import { TeamEntity } from '../teams/team.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { InitialSchema1732260000000 } from './migrations/1732260000000-initial-schema.migration.js';
import { HistoryKeyedByInstance1732260000001 } from './migrations/1732260000001-history-keyed-by-instance.migration.js';
import { JobsAndIncidents1732260000002 } from './migrations/1732260000002-jobs-and-incidents.migration.js';
import { MessagesSignalsCalls1732260000020 } from './migrations/1732260000020-messages-signals-calls.migration.js';
import { RuleSets1732260000040 } from './migrations/1732260000040-rule-sets.migration.js';
import { TerritoriesAndAssignment1732260000050 } from './migrations/1732260000050-territories-and-assignment.migration.js';
import { ActionTemplates1732260000060 } from './migrations/1732260000060-action-templates.migration.js';
import { ActionRuns1732260000061 } from './migrations/1732260000061-action-runs.migration.js';
import { ActionTasks1732260000062 } from './migrations/1732260000062-action-tasks.migration.js';
import { RuleSetActionRuns1732260000085 } from './migrations/1732260000085-rule-set-action-runs.migration.js';
import { OutboundEmailWebhooks1732260000070 } from './migrations/1732260000070-outbound-email-webhooks.migration.js';
import { ContactPlans1732260000080 } from './migrations/1732260000080-contact-plans.migration.js';
import { CalledProcessEscalations1732260000090 } from './migrations/1732260000090-called-process-escalations.migration.js';
import { SignalDeliveries1732260000095 } from './migrations/1732260000095-signal-deliveries.migration.js';
import { RuleSetGeneration1732260000100 } from './migrations/1732260000100-rule-set-generation.migration.js';
import { TaskInstanceStateIndex1732260000200 } from './migrations/1732260000200-task-instance-state-index.migration.js';
import { HistoryOneRowPerWrite1732260000210 } from './migrations/1732260000210-history-one-row-per-write.migration.js';

export const ENTITIES = [
  SettingEntity,
  TeamEntity,
  UserEntity,
  ApiTokenEntity,
  DeploymentEntity,
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
  UserTaskEntity,
  IncidentEntity,
  HistoryEventEntity,
];

export const MIGRATIONS = [
  InitialSchema1732260000000,
  HistoryKeyedByInstance1732260000001,
  JobsAndIncidents1732260000002,
  MessagesSignalsCalls1732260000020,
  RuleSets1732260000040,
  TerritoriesAndAssignment1732260000050,
  ActionTemplates1732260000060,
  ActionRuns1732260000061,
  ActionTasks1732260000062,
  OutboundEmailWebhooks1732260000070,
  ContactPlans1732260000080,
  RuleSetActionRuns1732260000085,
  CalledProcessEscalations1732260000090,
  SignalDeliveries1732260000095,
  RuleSetGeneration1732260000100,
  TaskInstanceStateIndex1732260000200,
  HistoryOneRowPerWrite1732260000210,
];

/** PostgreSQL through TypeORM; the schema comes from migrations only, never `synchronize`. */
export function dataSourceOptions(databaseUrl: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false, // run by runMigrations() under an advisory lock, see migrate.ts
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: poolSize, application_name: 'stageflow-engine' },
  };
}
