import { Module, type OnModuleInit } from '@nestjs/common';
import { RECORD_TYPES } from '@stageflow/api-contract';
import { EmailAttachments } from '../../platform/outbound/email/email-attachments.js';
import { OutboundModule } from '../../platform/outbound/outbound.module.js';
import { RecordsModule } from '../records/records.module.js';
import { AttachmentUploadInterceptor } from './attachment-upload.interceptor.js';
import { AttachmentsController, recordAttachmentsController } from './attachments-controller.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentsService } from './attachments.service.js';

/**
 * Files on CRM records (`crm_attachments`), stored in PostgreSQL. They are also where the e-mail
 * outbox reads the files a mail carries (a sendEmail's `attachments`): registered at start-up, as
 * platform/ may not import crm/.
 */
@Module({
  imports: [RecordsModule, OutboundModule],
  controllers: [...Object.values(RECORD_TYPES).map(recordAttachmentsController), AttachmentsController],
  providers: [AttachmentsRepository, AttachmentsService, AttachmentUploadInterceptor],
  exports: [AttachmentsRepository],
})
export class AttachmentsModule implements OnModuleInit {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly emailAttachments: EmailAttachments,
  ) {}

  onModuleInit(): void {
    this.emailAttachments.register(async (ids) =>
      (await this.attachments.contentsOf(ids)).map((row) => ({ id: row.id, fileName: row.file_name, contentType: row.content_type, content: row.content })),
    );
  }
}
