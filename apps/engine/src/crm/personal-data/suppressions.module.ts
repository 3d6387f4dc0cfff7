import { Module } from '@nestjs/common';
import { SettingsModule } from '../../platform/settings/settings.module.js';
import { SuppressionsController } from './suppressions.controller.js';
import { SuppressionsRepository } from './suppressions.repository.js';
import { SuppressionsService } from './suppressions.service.js';

/** Suppressions of erased people, checked when a contact or lead is created. Owns `crm_suppressions`. */
@Module({
  imports: [SettingsModule],
  controllers: [SuppressionsController],
  providers: [SuppressionsRepository, SuppressionsService],
  exports: [SuppressionsService],
})
export class SuppressionsModule {}
