// Instances about a record are visible to whoever sees the record: the CRM gives process/ the
// business keys (`<type>:<id>`) of the records a caller sees, as a query carrying the CRM's
// visibility condition (records/record-visibility.ts), through ProcessEngine.provideRecordVisibility.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RECORD_TYPES, type RecordTypeName } from '@stageflow/api-contract';
import type { SqlParams } from '../../platform/database/sql-params.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { ProcessEngine } from '../../process/index.js';
import { visibleTo } from '../records/record-visibility.js';
import { recordOf } from './record-process-link.js';

/** The business keys of the records `principal` reads, as one SQL query of a text column. */
export function visibleRecordKeys(principal: Principal, sql: SqlParams): string {
  return (Object.keys(RECORD_TYPES) as RecordTypeName[])
    .map((name) => `SELECT '${name}:' || r.id::text FROM ${RECORD_TYPES[name].table} r WHERE ${visibleTo(principal, 'read', sql)}`)
    .join(' UNION ALL ');
}

@Injectable()
export class RecordInstanceVisibility implements OnModuleInit {
  constructor(private readonly engine: ProcessEngine) {}

  onModuleInit(): void {
    this.engine.provideRecordVisibility({
      visibleRecordKeys,
      namesRecord: (businessKey) => recordOf(businessKey) !== undefined,
    });
  }
}
