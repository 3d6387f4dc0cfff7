// What the reminder jobs read of the record tables beyond a record by id (RecordsRepository):
// whether an activity was logged on an opportunity since a time, and the database clock. Reads
// only; the records module writes these tables.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';

@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether an activity on the opportunity was created at or after `since`. */
  async activityLoggedSince(opportunityId: string, since: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = rowsOf<{ logged: boolean }>(
      await db.query('SELECT EXISTS (SELECT 1 FROM crm_activities WHERE opportunity_id = $1::uuid AND created_at >= $2::timestamptz) AS logged', [
        opportunityId,
        since,
      ]),
    );
    return rows[0]?.logged === true;
  }

  /** The database clock (ISO 8601), and the time of the current transaction when `db` is one. */
  async now(db: Queryable = this.dataSource): Promise<string> {
    const rows = rowsOf<{ now: Date }>(await db.query('SELECT now() AS now'));
    return rows[0]!.now.toISOString();
  }
}
