import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProcessDefinitionEntity } from './process-definition.entity.js';
import { ProcessDefinitionsController } from './process-definitions.controller.js';
import { ProcessDefinitionsService } from './process-definitions.service.js';

/** Deployed process definitions and their compiled graphs (the `process_definitions` table). */
@Module({
  imports: [TypeOrmModule.forFeature([ProcessDefinitionEntity])],
  controllers: [ProcessDefinitionsController],
  providers: [ProcessDefinitionsService],
  exports: [ProcessDefinitionsService],
})
export class ProcessDefinitionsModule {}
