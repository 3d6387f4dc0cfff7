import { Module } from '@nestjs/common';
import { ActionTemplateVersions } from './action-template-versions.js';
import { ActionTemplatesController } from './action-templates.controller.js';
import { ActionTemplatesService } from './action-templates.service.js';

/** Deployed action templates (what a service or send task does) and their versions. */
@Module({
  controllers: [ActionTemplatesController],
  providers: [ActionTemplatesService, ActionTemplateVersions],
  exports: [ActionTemplateVersions],
})
export class ActionTemplatesModule {}
