// All SQL of `crm_record_processes`.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { RecordProcessRow } from './record-processes.row.js';

@Injectable()
export class RecordProcessesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(db: Queryable = this.dataSource): Promise<RecordProcessRow[]> {
    return rowsOf<RecordProcessRow>(await db.query('SELECT record_type, process_key, updated_by, updated_at FROM crm_record_processes'));
  }

  async of(recordType: string, db: Queryable = this.dataSource): Promise<RecordProcessRow | undefined> {
    return rowsOf<RecordProcessRow>(
      await db.query('SELECT record_type, process_key, updated_by, updated_at FROM crm_record_processes WHERE record_type = $1', [recordType]),
    )[0];
  }

  async set(recordType: string, processKey: string, updatedBy: string, db: Queryable = this.dataSource): Promise<RecordProcessRow> {
    return rowsOf<RecordProcessRow>(
      await db.query(
        `INSERT INTO crm_record_processes (record_type, process_key, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (record_type) DO UPDATE SET process_key = EXCLUDED.process_key, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING record_type, process_key, updated_by, updated_at`,
        [recordType, processKey, updatedBy],
      ),
    )[0]!;
  }

  async clear(recordType: string, db: Queryable = this.dataSource): Promise<void> {
    await db.query('DELETE FROM crm_record_processes WHERE record_type = $1', [recordType]);
  }
}
