import { Module } from '@nestjs/common';
import { EngineNodesRepository } from './engine-nodes.repository.js';
import { JobHandlerRegistry } from './job-handler-registry.js';
import { JobRunnerService } from './job-runner.service.js';
import { JobsService } from './jobs.service.js';
import { NodeRegistry } from './node-registry.js';

/**
 * Jobs in PostgreSQL (graphile-worker): modules register the handler of each job task and a
 * recorder of jobs that fail for good; JobsService adds jobs inside a caller's transaction; the
 * node registry keeps this node's heartbeat (the `engine_nodes` table, EngineNodesRepository) so
 * the jobs of a dead node run elsewhere.
 */
@Module({
  providers: [JobHandlerRegistry, JobsService, EngineNodesRepository, NodeRegistry, JobRunnerService],
  exports: [JobHandlerRegistry, JobsService, NodeRegistry],
})
export class JobsModule {}
