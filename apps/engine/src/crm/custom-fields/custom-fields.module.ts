import { Module } from '@nestjs/common';
import { ProcessModule } from '../../process/index.js';
import { CustomFieldSchemasRepository } from './custom-field-schemas.repository.js';
import { CustomFieldsController } from './custom-fields.controller.js';
import { CustomFieldsService } from './custom-fields.service.js';

/**
 * Custom fields per record type: JSON Schemas deployed as `<type>.fields.json` (the deployment
 * stores them through the CustomFieldSchemaStores port this module fills), the schema in force
 * for forms, and the check of every record write's `custom` object. Owns `crm_custom_field_schemas`.
 */
@Module({
  imports: [ProcessModule],
  controllers: [CustomFieldsController],
  providers: [CustomFieldSchemasRepository, CustomFieldsService],
  exports: [CustomFieldsService],
})
export class CustomFieldsModule {}
