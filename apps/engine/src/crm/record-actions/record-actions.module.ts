import { Module, type OnModuleInit } from '@nestjs/common';
import { ProcessEngine, ProcessModule } from '../../process/index.js';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { CatalogsModule } from '../catalogs/catalogs.module.js';
import { CustomFieldsModule } from '../custom-fields/custom-fields.module.js';
import { SuppressionsModule } from '../personal-data/suppressions.module.js';
import { RecordsModule } from '../records/records.module.js';
import { IdentityModule } from '../../platform/identity/identity.module.js';
import { AddActivityRunner } from './add-activity.runner.js';
import { CreateDocumentRunner } from './create-document.runner.js';
import { CreateRecordRunner } from './create-record.runner.js';
import { ProcessRecordWrites } from './process-record-writes.js';
import { SetRecordFieldsRunner } from './set-record-fields.runner.js';

/**
 * The actions by which processes change records (setRecordFields, createRecord, addActivity,
 * createDocument):
 * their runners, registered with the process engine at start-up (docs/actions.md).
 */
@Module({
  imports: [ProcessModule, RecordsModule, CatalogsModule, CustomFieldsModule, SuppressionsModule, AttachmentsModule, IdentityModule],
  providers: [ProcessRecordWrites, SetRecordFieldsRunner, CreateRecordRunner, AddActivityRunner, CreateDocumentRunner],
})
export class RecordActionsModule implements OnModuleInit {
  constructor(
    private readonly engine: ProcessEngine,
    private readonly setRecordFields: SetRecordFieldsRunner,
    private readonly createRecord: CreateRecordRunner,
    private readonly addActivity: AddActivityRunner,
    private readonly createDocument: CreateDocumentRunner,
  ) {}

  onModuleInit(): void {
    this.engine.registerActionRunner(this.setRecordFields);
    this.engine.registerActionRunner(this.createRecord);
    this.engine.registerActionRunner(this.addActivity);
    this.engine.registerActionRunner(this.createDocument);
  }
}
