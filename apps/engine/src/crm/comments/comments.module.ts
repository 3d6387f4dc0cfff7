import { Module } from '@nestjs/common';
import { RECORD_TYPES } from '@stageflow/api-contract';
import { IdentityModule } from '../../platform/identity/identity.module.js';
import { NotificationsModule } from '../../platform/notifications/notifications.module.js';
import { RecordsModule } from '../records/records.module.js';
import { recordCommentsController } from './comments-controller.js';
import { CommentsRepository } from './comments.repository.js';
import { CommentsService } from './comments.service.js';

/** Comments on CRM records (`crm_comments`), whose @mentions notify the users who may see the record. */
@Module({
  imports: [RecordsModule, IdentityModule, NotificationsModule],
  controllers: Object.values(RECORD_TYPES).map(recordCommentsController),
  providers: [CommentsRepository, CommentsService],
  exports: [CommentsRepository],
})
export class CommentsModule {}
