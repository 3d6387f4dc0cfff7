// Files on CRM records: uploaded to a record the caller may change, listed and downloaded with the
// record's visibility (another seller's record, or a file on one, is 404), deleted by whoever may
// change the record. The kind is told from the bytes (attachment-content.ts); each upload and
// delete is written into the record's history in the same transaction.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { RecordTypeDefinition } from '@stageflow/api-contract';
import { ENGINE_CONFIG, type EngineConfig } from '../../platform/config/engine-config.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { Transactions } from '../../platform/database/transactions.js';
import { DomainError, Forbidden, Invalid, NotFound } from '../../platform/errors/domain-errors.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { UploadedResource } from '../../platform/http/multipart-upload.interceptor.js';
import { RecordHistoryRepository } from '../records/record-history.repository.js';
import { recordTypeNamed, userOrigin, visibleRecord } from '../records/record-scope.js';
import { mayWriteRecords, type RecordAccess } from '../records/record-visibility.js';
import { RecordsRepository } from '../records/records.repository.js';
import { ACCEPTED_KINDS, attachmentDisposition, contentKindOf, safeFileName, sha256Of } from './attachment-content.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { attachmentHistoryValue, toAttachmentView, type AttachmentRow, type AttachmentView } from './attachments.row.js';

/** A file whose kind is none of the accepted ones (415). */
export class UnsupportedAttachment extends DomainError {
  readonly code = 'unsupported_media_type';
}

export interface AttachmentDownload {
  content: Buffer;
  contentType: string;
  disposition: string;
  length: number;
}

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly records: RecordsRepository,
    private readonly history: RecordHistoryRepository,
    private readonly transactions: Transactions,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async upload(principal: Principal, type: RecordTypeDefinition, recordId: string, files: UploadedResource[] | undefined): Promise<AttachmentView> {
    const file = files?.[0];
    if (!file) throw Invalid.field('file', 'is required: send the file as multipart/form-data in the field "file"');
    if (file.buffer.length === 0) throw Invalid.field('file', 'is empty');
    // The reader stops a larger file as it streams in; this keeps the rule should a caller hand over bytes another way.
    if (file.buffer.length > this.config.attachmentMaxBytes) throw Invalid.field('file', `is larger than ${this.config.attachmentMaxBytes} bytes`);
    const kind = await contentKindOf(file.buffer, file.originalname);
    if (!kind) {
      throw new UnsupportedAttachment(`file ${file.originalname} is of a type that is not accepted (accepted: ${ACCEPTED_KINDS}; told from the content)`, [
        { path: 'file', message: `is not ${ACCEPTED_KINDS}` },
      ]);
    }
    const fileName = safeFileName(file.originalname, kind);
    return this.transactions.run(async (tx) => {
      await visibleRecord(this.records, principal, type, 'write', recordId, tx, true);
      const row = await this.attachments.insert(
        type,
        recordId,
        {
          id: randomUUID(),
          fileName,
          contentType: kind.mime,
          sha256: sha256Of(file.buffer),
          content: file.buffer,
          uploadedBy: principal.userId,
          uploadedByName: principal.username,
        },
        tx,
      );
      await this.history.append(type.name, recordId, userOrigin(principal), [{ field: 'attachments', old: null, new: attachmentHistoryValue(row) }], tx);
      return toAttachmentView(row);
    });
  }

  async list(principal: Principal, type: RecordTypeDefinition, recordId: string): Promise<{ items: AttachmentView[] }> {
    await visibleRecord(this.records, principal, type, 'read', recordId);
    return { items: (await this.attachments.ofRecord(type, recordId)).map(toAttachmentView) };
  }

  async download(principal: Principal, id: string): Promise<AttachmentDownload> {
    const row = await this.find(principal, id, 'read', { content: true });
    const content = row.content!;
    return { content, contentType: row.content_type, disposition: attachmentDisposition(row.file_name), length: content.length };
  }

  async delete(principal: Principal, id: string): Promise<void> {
    if (!mayWriteRecords(principal)) throw new Forbidden('your roles may not change records');
    await this.transactions.run(async (tx) => {
      const row = await this.find(principal, id, 'write', { lock: true }, tx);
      await this.attachments.delete(id, tx);
      await this.history.append(
        row.record_type,
        row.record_id,
        userOrigin(principal),
        [{ field: 'attachments', old: attachmentHistoryValue(row), new: null }],
        tx,
      );
    });
  }

  /** The attachment on a record `principal` may see for `access`; 404 otherwise, as for an id that is not there. */
  private async find(
    principal: Principal,
    id: string,
    access: RecordAccess,
    options: { content?: boolean; lock?: boolean },
    db?: Queryable,
  ): Promise<AttachmentRow & { content?: Buffer }> {
    const type = recordTypeNamed((await this.attachments.recordTypeOf(id, db)) ?? '');
    const row = type && (await this.attachments.findVisible(type, principal, access, id, options, db));
    if (!row) throw new NotFound(`attachment ${id} not found`);
    return row;
  }
}
