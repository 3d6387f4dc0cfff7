import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CustomFieldSchemaView } from './custom-field-schema.row.js';
import { CustomFieldsService } from './custom-fields.service.js';

@ApiTags('custom-fields')
@ApiBearerAuth()
@Controller('custom-fields')
export class CustomFieldsController {
  constructor(private readonly customFields: CustomFieldsService) {}

  /** The custom-field schema in force for a record type (its latest `<type>.fields.json`), for forms; `schema: null` when none is deployed. */
  @Get(':type')
  schemaOf(@Param('type') type: string): Promise<CustomFieldSchemaView> {
    return this.customFields.schemaOf(type);
  }
}
