// The routes of attachments: upload and list under each record type (`/<records>/{id}/attachments`,
// made per type like the records' own routes), download and delete by the attachment's id.
import { Controller, Delete, Get, HttpCode, Inject, Param, Post, StreamableFile, UseInterceptors, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RecordTypeDefinition } from '@stageflow/api-contract';
import { NotFound } from '../../platform/errors/domain-errors.js';
import { CurrentPrincipal } from '../../platform/identity/auth/auth.decorators.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { isUuid } from '../../platform/http/input.js';
import { UploadedResources, type UploadedResource } from '../../platform/http/multipart-upload.interceptor.js';
import { controllerNameOf, recordIdOf } from '../records/record-scope.js';
import { AttachmentUploadInterceptor } from './attachment-upload.interceptor.js';
import type { AttachmentView } from './attachments.row.js';
import { AttachmentsService } from './attachments.service.js';

const attachmentSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    recordType: { type: 'string' },
    recordId: { type: 'string', format: 'uuid' },
    fileName: { type: 'string' },
    contentType: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
    uploadedBy: { type: 'object', properties: { id: { type: 'string', format: 'uuid', nullable: true }, name: { type: 'string' } } },
    createdAt: { type: 'string', format: 'date-time' },
    href: { type: 'string' },
  },
} as const;

export function recordAttachmentsController(type: RecordTypeDefinition): Type<unknown> {
  @ApiTags(type.path)
  @ApiBearerAuth()
  @Controller(type.path)
  class RecordAttachmentsController {
    constructor(@Inject(AttachmentsService) private readonly attachments: AttachmentsService) {}

    /** Attaches one file (multipart field `file`): its kind told from the content, its size at most STAGEFLOW_ATTACHMENT_MAX_BYTES. */
    @Post(':id/attachments')
    @HttpCode(201)
    @ApiConsumes('multipart/form-data')
    @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
    @ApiResponse({ status: 201, schema: attachmentSchema })
    @ApiResponse({ status: 413, description: 'larger than STAGEFLOW_ATTACHMENT_MAX_BYTES' })
    @ApiResponse({ status: 415, description: 'not PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, PPTX, ODT or UTF-8 text/CSV (told from the content)' })
    @UseInterceptors(AttachmentUploadInterceptor)
    upload(
      @CurrentPrincipal() principal: Principal,
      @Param('id') recordId: string,
      @UploadedResources() files: UploadedResource[] | undefined,
    ): Promise<AttachmentView> {
      return this.attachments.upload(principal, type, recordIdOf(type, recordId), files);
    }

    /** The record's files, newest first (download each at its `href`). */
    @Get(':id/attachments')
    @ApiResponse({ status: 200, schema: { type: 'object', properties: { items: { type: 'array', items: attachmentSchema } } } })
    list(@CurrentPrincipal() principal: Principal, @Param('id') recordId: string): Promise<{ items: AttachmentView[] }> {
      return this.attachments.list(principal, type, recordIdOf(type, recordId));
    }
  }

  Object.defineProperty(RecordAttachmentsController, 'name', { value: controllerNameOf(type, 'Attachments') });
  return RecordAttachmentsController;
}

function attachmentId(value: string): string {
  if (!isUuid(value)) throw new NotFound(`attachment ${value} not found`);
  return value;
}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  /** The file, with its Content-Type and an attachment Content-Disposition; 404 unless the caller sees its record. */
  @Get(':id')
  @ApiProduces('application/octet-stream')
  @ApiResponse({ status: 200, description: 'the file', schema: { type: 'string', format: 'binary' } })
  async download(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<StreamableFile> {
    const file = await this.attachments.download(principal, attachmentId(id));
    return new StreamableFile(file.content, { type: file.contentType, disposition: file.disposition, length: file.length });
  }

  /** Removes the file (recorded in its record's history): whoever may change the record. */
  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.attachments.delete(principal, attachmentId(id));
  }
}
