import { Module } from '@nestjs/common';
import { CatalogValuesRepository } from './catalog-values.repository.js';
import { CatalogsController } from './catalogs.controller.js';
import { CatalogsService } from './catalogs.service.js';

/** The editable catalogs of the CRM (`crm_catalog_values`). */
@Module({
  controllers: [CatalogsController],
  providers: [CatalogValuesRepository, CatalogsService],
  exports: [CatalogValuesRepository],
})
export class CatalogsModule {}
