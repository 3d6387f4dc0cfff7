import { Module } from '@nestjs/common';
import { ActionTemplateVersions } from './action-template-versions.js';
import { ActionTemplatesController } from './action-templates.controller.js';
import { ActionTemplatesRepository } from './action-templates.repository.js';
import { ActionTemplatesService } from './action-templates.service.js';

/** Deployed action templates (what a service or send task does) and their versions. */
@Module({
  controllers: [ActionTemplatesController],
  providers: [ActionTemplatesRepository, ActionTemplatesService, ActionTemplateVersions],
  exports: [ActionTemplateVersions, ActionTemplatesRepository],
})
export class ActionTemplatesModule {}
