import { Module } from '@nestjs/common';
import { LiquidTemplates } from './liquid-templates.js';

/** Sandboxed liquid rendering of action templates, contact-plan steps and e-mails. */
@Module({ providers: [LiquidTemplates], exports: [LiquidTemplates] })
export class TemplatesModule {}
