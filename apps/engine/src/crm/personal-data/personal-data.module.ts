import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../platform/notifications/notifications.module.js';
import { OutboundModule } from '../../platform/outbound/outbound.module.js';
import { ProcessModule } from '../../process/index.js';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { CommentsModule } from '../comments/comments.module.js';
import { RecordsModule } from '../records/records.module.js';
import { PersonalDataController } from './personal-data.controller.js';
import { PersonalDataService } from './personal-data.service.js';
import { SuppressionsModule } from './suppressions.module.js';

/** A person's data: export and erasure of a contact everywhere it was copied (records, history, attachments, comments, notifications, outbox, processes). */
@Module({
  imports: [RecordsModule, SuppressionsModule, OutboundModule, ProcessModule, AttachmentsModule, CommentsModule, NotificationsModule],
  controllers: [PersonalDataController],
  providers: [PersonalDataService],
})
export class PersonalDataModule {}
