import { Module } from '@nestjs/common';
import { RECORD_TYPES } from '@stageflow/api-contract';
import { CatalogsModule } from '../catalogs/catalogs.module.js';
import { CustomFieldsModule } from '../custom-fields/custom-fields.module.js';
import { IdentityModule } from '../../platform/identity/identity.module.js';
import { SuppressionsModule } from '../personal-data/suppressions.module.js';
import { RecordCreatedHooks } from './record-created-hooks.js';
import { RecordUpdatedHooks } from './record-updated-hooks.js';
import { RecordHistoryRepository } from './record-history.repository.js';
import { recordsController } from './records-controller.js';
import { RecordsRepository } from './records.repository.js';
import { RecordsService } from './records.service.js';

/** The CRM records: one set of routes per record type, one service and repository for all of them. */
@Module({
  imports: [CatalogsModule, CustomFieldsModule, SuppressionsModule, IdentityModule],
  controllers: Object.values(RECORD_TYPES).map(recordsController),
  providers: [RecordsRepository, RecordHistoryRepository, RecordsService, RecordCreatedHooks, RecordUpdatedHooks],
  exports: [RecordsRepository, RecordsService, RecordHistoryRepository, RecordCreatedHooks, RecordUpdatedHooks],
})
export class RecordsModule {}
