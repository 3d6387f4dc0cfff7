import { Module } from '@nestjs/common';
import { IdentityModule } from '../../platform/identity/identity.module.js';
import { ProcessDefinitionsController } from './process-definitions.controller.js';
import { ProcessDefinitionsRepository } from './process-definitions.repository.js';
import { ProcessDefinitionsService } from './process-definitions.service.js';

/** Deployed process definitions and their compiled graphs (the `process_definitions` table). */
@Module({
  imports: [IdentityModule],
  controllers: [ProcessDefinitionsController],
  providers: [ProcessDefinitionsRepository, ProcessDefinitionsService],
  exports: [ProcessDefinitionsService, ProcessDefinitionsRepository],
})
export class ProcessDefinitionsModule {}
