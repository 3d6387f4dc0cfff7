import { Module } from '@nestjs/common';
import { LiquidTemplates } from './liquid-templates.js';
import { LiquidTemplatesRepository } from './liquid-templates.repository.js';

/** Sandboxed liquid rendering of action templates, contact-plan steps and e-mails; the `liquid_templates` table. */
@Module({ providers: [LiquidTemplatesRepository, LiquidTemplates], exports: [LiquidTemplates, LiquidTemplatesRepository] })
export class TemplatesModule {}
