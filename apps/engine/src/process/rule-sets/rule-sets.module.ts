import { Module } from '@nestjs/common';
import { RuleSetVersions } from './rule-set-versions.js';
import { RuleSetsController } from './rule-sets.controller.js';
import { RuleSetsRepository } from './rule-sets.repository.js';
import { RuleSetsService } from './rule-sets.service.js';

/** Deployed rule sets, their versions and the rule-set generation every command decides at. */
@Module({
  controllers: [RuleSetsController],
  providers: [RuleSetsRepository, RuleSetsService, RuleSetVersions],
  exports: [RuleSetVersions, RuleSetsRepository],
})
export class RuleSetsModule {}
