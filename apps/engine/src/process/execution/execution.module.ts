import { Module } from '@nestjs/common';
import { ENGINE_CONFIG, type EngineConfig } from '../../platform/config/engine-config.js';
import { JobsModule } from '../../platform/jobs/jobs.module.js';
import { AssignmentModule } from '../assignment/assignment.module.js';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module.js';
import { RuleSetsModule } from '../rule-sets/rule-sets.module.js';
import { PackageStoreModule } from '../packages/package-store.module.js';
import { CommandStats } from './command-stats.js';
import { EngineJobHandlers } from './engine-job-handlers.service.js';
import { InstanceCommandsService } from './instance-commands.service.js';
import { InstanceStoreRepository } from './instance-store.repository.js';
import { InterpreterPoolService } from './interpreter-pool.service.js';
import { NodeStatsController } from './node-stats.controller.js';
import { ProcessEventSubscribers } from './process-event-subscribers.js';
import { RecordFacts } from './record-facts.js';
import { InstanceBusinessKeys } from './instance-business-keys.js';
import { MAX_RECENT_INSTANCES, RecentInstances } from './recent-instances.js';

/**
 * One command = one transaction: read the instance, interpret (worker pool or inline), write the
 * state, tasks, history and jobs in one statement. Owns `process_instances`' state and the timer
 * and async-continuation jobs.
 */
@Module({
  imports: [JobsModule, ProcessDefinitionsModule, RuleSetsModule, AssignmentModule, PackageStoreModule],
  controllers: [NodeStatsController],
  providers: [
    InstanceStoreRepository,
    InterpreterPoolService,
    InstanceCommandsService,
    ProcessEventSubscribers,
    RecordFacts,
    InstanceBusinessKeys,
    CommandStats,
    // A plain class: the engine's one memory of recent writes (none with STAGEFLOW_REMEMBER_INSTANCES=false).
    {
      provide: RecentInstances,
      useFactory: (config: EngineConfig) => new RecentInstances(config.rememberInstances ? MAX_RECENT_INSTANCES : 0),
      inject: [ENGINE_CONFIG],
    },
    EngineJobHandlers,
  ],
  exports: [InstanceCommandsService, InstanceStoreRepository, ProcessEventSubscribers, RecordFacts, InstanceBusinessKeys],
})
export class ExecutionModule {}
