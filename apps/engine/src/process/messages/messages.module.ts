import { Module } from '@nestjs/common';
import { JobsModule } from '../../platform/jobs/jobs.module.js';
import { ExecutionModule } from '../execution/execution.module.js';
import { MessageJobHandlers } from './message-job-handlers.service.js';
import { MessageStoreRepository } from './message-store.repository.js';
import { MessagesController } from './messages.controller.js';
import { MessagesService } from './messages.service.js';
import { OutboxController } from './outbox.controller.js';
import { OutboxRepository } from './outbox.repository.js';

/** Messages: published, buffered, correlated to subscriptions and message starts; thrown messages' outbox. */
@Module({
  imports: [JobsModule, ExecutionModule],
  controllers: [MessagesController, OutboxController],
  providers: [MessageStoreRepository, MessagesService, MessageJobHandlers, OutboxRepository],
  exports: [MessagesService],
})
export class MessagesModule {}
