// All SQL of `crm_record_history`: written in the transaction of the record write it describes.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { ChangeSource, FieldChange, RecordHistoryRow } from './record-history.row.js';

export interface ChangeOrigin {
  actorId: string | null;
  actorName: string;
  source: ChangeSource;
  sourceName?: string;
  reason?: string;
}

@Injectable()
export class RecordHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(recordType: string, recordId: string, origin: ChangeOrigin, changes: readonly FieldChange[], db: Queryable = this.dataSource): Promise<void> {
    if (changes.length === 0) return;
    await db.query(
      `INSERT INTO crm_record_history (record_type, record_id, actor_id, actor_name, source, source_name, reason, changes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
      [recordType, recordId, origin.actorId, origin.actorName, origin.source, origin.sourceName ?? null, origin.reason ?? null, JSON.stringify(changes)],
    );
  }

  /** The writes of one record, newest first; `before` (a history id) pages back. */
  async of(recordType: string, recordId: string, limit: number, before?: string, db: Queryable = this.dataSource): Promise<RecordHistoryRow[]> {
    return rowsOf<RecordHistoryRow>(
      await db.query(
        // ORDER BY h.id, the number: a bare `id` would name the text column of the select list (99 after 100).
        `SELECT h.id::text AS id, record_type, record_id, at, actor_id, actor_name, source, source_name, reason, changes
           FROM crm_record_history h
          WHERE record_type = $1 AND record_id = $2 AND ($3::bigint IS NULL OR h.id < $3::bigint)
          ORDER BY h.id DESC LIMIT $4`,
        [recordType, recordId, before ?? null, limit],
      ),
    );
  }

  /** Where the last write of `field` on the record came from (`user`, `process`, …); undefined when it was never written. */
  async lastSourceOf(recordType: string, recordId: string, field: string, db: Queryable = this.dataSource): Promise<ChangeSource | undefined> {
    const rows = rowsOf<{ source: ChangeSource }>(
      await db.query(
        `SELECT source FROM crm_record_history
          WHERE record_type = $1 AND record_id = $2 AND changes @> jsonb_build_array(jsonb_build_object('field', $3::text))
          ORDER BY id DESC LIMIT 1`,
        [recordType, recordId, field],
      ),
    );
    return rows[0]?.source;
  }

  /**
   * Personal data: replaces every text matching `pattern` (a PostgreSQL regular expression,
   * case-insensitive) in the history of these records — old and new values, actor names, reasons.
   */
  async scrub(records: readonly { recordType: string; recordId: string }[], pattern: string, replacement: string, tx: Queryable): Promise<void> {
    if (records.length === 0) return;
    await tx.query(
      `UPDATE crm_record_history h
          SET changes = regexp_replace(h.changes::text, $3, $4, 'gi')::jsonb, reason = regexp_replace(h.reason, $3, $4, 'gi')
         FROM unnest($1::text[], $2::uuid[]) AS r(record_type, record_id)
        WHERE h.record_type = r.record_type AND h.record_id = r.record_id AND (h.changes::text ~* $3 OR h.reason ~* $3)`,
      [records.map((record) => record.recordType), records.map((record) => record.recordId), pattern, replacement],
    );
  }
}
