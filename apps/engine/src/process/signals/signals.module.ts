import { Module } from '@nestjs/common';
import { JobsModule } from '../../platform/jobs/jobs.module.js';
import { ExecutionModule } from '../execution/execution.module.js';
import { SignalStoreRepository } from './signal-store.repository.js';
import { SignalsController } from './signals.controller.js';
import { SignalsService } from './signals.service.js';

/** Signals: broadcast to every waiting catch and signal start, delivered by jobs. */
@Module({
  imports: [JobsModule, ExecutionModule],
  controllers: [SignalsController],
  providers: [SignalStoreRepository, SignalsService],
})
export class SignalsModule {}
