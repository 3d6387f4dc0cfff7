import { Module } from '@nestjs/common';
import { LiquidTemplates } from './liquid-templates.js';
import { LiquidTemplatesRepository } from './liquid-templates.repository.js';
import { TemplatePreview } from './template-preview.service.js';
import { TemplatesController } from './templates.controller.js';

/** Sandboxed liquid rendering of action templates, contact-plan steps and e-mails; the `liquid_templates` table; the studio's preview. */
@Module({
  controllers: [TemplatesController],
  providers: [LiquidTemplatesRepository, LiquidTemplates, TemplatePreview],
  exports: [LiquidTemplates, LiquidTemplatesRepository],
})
export class TemplatesModule {}
