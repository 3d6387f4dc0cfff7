import { Module } from '@nestjs/common';
import { RuleSetVersions } from './rule-set-versions.js';
import { RuleSetsController } from './rule-sets.controller.js';
import { RuleSetsService } from './rule-sets.service.js';

/** Deployed rule sets, their versions and the rule-set generation every command decides at. */
@Module({
  controllers: [RuleSetsController],
  providers: [RuleSetsService, RuleSetVersions],
  exports: [RuleSetVersions],
})
export class RuleSetsModule {}
