// createDocument: the deployed liquid template, rendered over the task's variables (renderAction
// put its text in `content`), laid out as a PDF (crm/documents) and attached to the record the
// instance is about, or to the one the rendered `record` names — in the run's transaction, with
// the record's history entry (field `attachments`, source `process`), so the file, its history
// and the run's record commit together. The attachment's id derives from the run's key: a retried
// run (recorded in action_runs, or racing one) makes no second document.
import { Inject, Injectable } from '@nestjs/common';
import type { CreateDocumentAction, JsonObject } from '@stageflow/process-package';
import { ENGINE_CONFIG, type EngineConfig } from '../../platform/config/engine-config.js';
import { uuidFrom } from '../../platform/database/uuid-from.js';
import { ProcessEngine, type ActionOutcome, type ActionRunContext, type ActionRunner } from '../../process/index.js';
import { safeFileName, sha256Of, type ContentKind } from '../attachments/attachment-content.js';
import { AttachmentsRepository } from '../attachments/attachments.repository.js';
import { attachmentHistoryValue } from '../attachments/attachments.row.js';
import { renderDocumentPdf } from '../documents/document-pdf.js';
import { RecordHistoryRepository } from '../records/record-history.repository.js';
import { RecordsRepository } from '../records/records.repository.js';
import { instanceRecord, namedRecord } from './instance-record.js';
import { processOrigin } from './process-record-writes.js';
import { INVALID_RECORD_FIELDS, UNKNOWN_RECORD } from './record-action-errors.js';

const PDF: ContentKind = { mime: 'application/pdf', extensions: ['.pdf'] };

@Injectable()
export class CreateDocumentRunner implements ActionRunner<'createDocument'> {
  readonly type = 'createDocument' as const;

  constructor(
    private readonly engine: ProcessEngine,
    private readonly records: RecordsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly history: RecordHistoryRepository,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async run(action: CreateDocumentAction, context: ActionRunContext): Promise<ActionOutcome> {
    const instance = await instanceRecord(this.engine, context.processInstanceId);
    if (!instance) return { kind: 'failed', errorCode: UNKNOWN_RECORD, message: 'createDocument: the instance is gone' };
    const target = action.record === undefined ? instance.record : namedRecord(action.record);
    if (!target || !(await this.records.findById(target.type, target.id, context.tx))) {
      const what =
        action.record === undefined
          ? `the instance is about no record (business key ${JSON.stringify(instance.businessKey)})`
          : `"${action.record}" names no record`;
      return { kind: 'failed', errorCode: UNKNOWN_RECORD, message: `createDocument: ${what}` };
    }
    const title = action.fileName.trim().replace(/\.pdf$/i, '');
    if (title === '') return { kind: 'failed', errorCode: INVALID_RECORD_FIELDS, message: 'createDocument: fileName is empty after rendering' };
    const id = uuidFrom(`crm-record-action\u0000${context.idempotencyKey}`);
    const variables: JsonObject | undefined = action.resultVariable === undefined ? undefined : { [action.resultVariable]: id };
    const done = { kind: 'completed' as const, ...(variables ? { variables } : {}) };
    // The run's record makes a second run rare; this makes it harmless (a run that raced it).
    if (await this.attachments.findById(id, context.tx)) return { ...done, note: `document ${id} exists` };

    const content = await renderDocumentPdf(action.content ?? '', title);
    if (content.length > this.config.attachmentMaxBytes) {
      return {
        kind: 'failed',
        errorCode: INVALID_RECORD_FIELDS,
        message: `createDocument: the PDF has ${content.length} bytes, more than STAGEFLOW_ATTACHMENT_MAX_BYTES (${this.config.attachmentMaxBytes})`,
      };
    }
    const row = await this.attachments.insert(
      target.type,
      target.id,
      {
        id,
        fileName: safeFileName(`${title}.pdf`, PDF),
        contentType: PDF.mime,
        sha256: sha256Of(content),
        content,
        uploadedBy: null,
        uploadedByName: 'engine',
      },
      context.tx,
    );
    await this.history.append(
      target.type.name,
      target.id,
      processOrigin(instance.processKey),
      [{ field: 'attachments', old: null, new: attachmentHistoryValue(row) }],
      context.tx,
    );
    return { ...done, note: `attached ${row.file_name} (${id}) to ${target.type.name} ${target.id}` };
  }
}
