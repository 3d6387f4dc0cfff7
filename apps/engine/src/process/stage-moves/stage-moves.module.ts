import { Module } from '@nestjs/common';
import { ExecutionModule } from '../execution/execution.module.js';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module.js';
import { RuleSetsModule } from '../rule-sets/rule-sets.module.js';
import { StageMovesRepository } from './stage-moves.repository.js';
import { StageMovesService } from './stage-moves.service.js';
import { PackageStoreModule } from '../packages/package-store.module.js';

/** Stage moves asked for from outside (a seller moving a deal): the process accepts them, or not, in one command. */
@Module({
  imports: [PackageStoreModule, ExecutionModule, ProcessDefinitionsModule, RuleSetsModule],
  providers: [StageMovesRepository, StageMovesService],
  exports: [StageMovesService],
})
export class StageMovesModule {}
