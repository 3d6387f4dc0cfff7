import { Module } from '@nestjs/common';
import { CatalogsModule } from './catalogs/catalogs.module.js';
import { CustomFieldsModule } from './custom-fields/custom-fields.module.js';
import { RecordsModule } from './records/records.module.js';
import { SearchController } from './search/search.controller.js';

/**
 * The CRM: the records sellers work on (organizations, contacts, leads, opportunities, activities),
 * their catalogs and the global search. It reaches the process engine only through process/index.ts.
 */
@Module({
  imports: [CatalogsModule, RecordsModule, CustomFieldsModule],
  controllers: [SearchController],
})
export class CrmModule {}
