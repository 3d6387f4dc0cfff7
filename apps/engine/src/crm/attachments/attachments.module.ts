import { Module } from '@nestjs/common';
import { RECORD_TYPES } from '@stageflow/api-contract';
import { RecordsModule } from '../records/records.module.js';
import { AttachmentUploadInterceptor } from './attachment-upload.interceptor.js';
import { AttachmentsController, recordAttachmentsController } from './attachments-controller.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentsService } from './attachments.service.js';

/** Files on CRM records (`crm_attachments`), stored in PostgreSQL. */
@Module({
  imports: [RecordsModule],
  controllers: [...Object.values(RECORD_TYPES).map(recordAttachmentsController), AttachmentsController],
  providers: [AttachmentsRepository, AttachmentsService, AttachmentUploadInterceptor],
  exports: [AttachmentsRepository],
})
export class AttachmentsModule {}
