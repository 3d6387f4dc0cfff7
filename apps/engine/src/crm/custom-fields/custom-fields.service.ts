// The custom fields of the record types: the schema in force for each (its latest deployed
// version) and the check of a record's `custom` object on every write. A compiled check is kept
// per schema version (versions never change), so a write costs one indexed read and no compile.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RECORD_TYPES } from '@stageflow/api-contract';
import { compileCustomFieldSchema, type ValidationIssue } from '@stageflow/process-package';
import type { Queryable } from '../../platform/database/queryable.js';
import { Invalid, NotFound } from '../../platform/errors/domain-errors.js';
import { CustomFieldSchemaStores } from '../../process/index.js';
import { toCustomFieldSchemaView, type CustomFieldSchemaView } from './custom-field-schema.row.js';
import { CustomFieldSchemasRepository } from './custom-field-schemas.repository.js';

/** Compiled checks kept at most; a deployment adds one per record type it changes. */
const MAX_COMPILED = 200;

@Injectable()
export class CustomFieldsService implements OnModuleInit {
  private readonly compiled = new Map<string, (custom: unknown) => ValidationIssue[]>();

  constructor(
    private readonly schemas: CustomFieldSchemasRepository,
    private readonly stores: CustomFieldSchemaStores,
  ) {}

  onModuleInit(): void {
    this.stores.register(this.schemas);
  }

  /** The schema in force for a record type (`organization`), for forms. */
  async schemaOf(recordType: string): Promise<CustomFieldSchemaView> {
    if (!Object.hasOwn(RECORD_TYPES, recordType)) throw new NotFound(`record type ${recordType} not found (one of ${Object.keys(RECORD_TYPES).join(', ')})`);
    return toCustomFieldSchemaView(recordType, await this.schemas.latest(recordType));
  }

  /**
   * Refuses a record's `custom` object that fails the schema in force for its type (400 naming
   * each field: `custom.segment must be one of …`). With no schema deployed any JSON object passes.
   */
  async check(recordType: string, custom: unknown, db?: Queryable): Promise<void> {
    const row = await this.schemas.latest(recordType, db);
    if (!row) return;
    let check = this.compiled.get(row.id);
    if (!check) {
      check = compileCustomFieldSchema(row.content);
      if (this.compiled.size >= MAX_COMPILED) this.compiled.clear();
      this.compiled.set(row.id, check);
    }
    const issues = check(custom);
    if (issues.length > 0) throw Invalid.body(issues);
  }
}
