// All SQL of `crm_comments`; the service finds the record visible before it reads or writes here.
import { Injectable } from '@nestjs/common';
import { RECORD_TYPES, type RecordTypeDefinition } from '@stageflow/api-contract';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import { SqlParams } from '../../platform/database/sql-params.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { recordColumnOf } from '../records/record-scope.js';
import { visibleTo } from '../records/record-visibility.js';
import type { CommentRow } from './comments.row.js';

const COLUMNS =
  'c.id, c.record_type, COALESCE(c.organization_id, c.contact_id, c.lead_id, c.opportunity_id, c.activity_id) AS record_id, c.body, c.notified, c.author_id, c.author_name, c.created_at';

@Injectable()
export class CommentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    type: RecordTypeDefinition,
    recordId: string,
    comment: Pick<CommentRow, 'id' | 'body' | 'notified' | 'author_id' | 'author_name'>,
    db: Queryable = this.dataSource,
  ): Promise<CommentRow> {
    return rowsOf<CommentRow>(
      await db.query(
        `WITH c AS (
           INSERT INTO crm_comments (id, record_type, ${recordColumnOf(type)}, body, notified, author_id, author_name)
           VALUES ($1, $2, $3, $4, $5::text[], $6, $7) RETURNING *)
         SELECT ${COLUMNS} FROM c`,
        [comment.id, type.name, recordId, comment.body, comment.notified, comment.author_id, comment.author_name],
      ),
    )[0]!;
  }

  /** One page of the record's comments, newest first; `before` ({createdAt, id} of the last one seen) pages back. */
  async ofRecord(
    type: RecordTypeDefinition,
    recordId: string,
    limit: number,
    before: { createdAt: string; id: string } | undefined,
    db: Queryable = this.dataSource,
  ): Promise<(CommentRow & { cursor_at: string })[]> {
    return rowsOf<CommentRow & { cursor_at: string }>(
      await db.query(
        // cursor_at: the time to the microsecond (a Date keeps milliseconds, which could skip a comment of the same one).
        `SELECT ${COLUMNS}, to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at FROM crm_comments c
          WHERE c.${recordColumnOf(type)} = $1 AND ($2::timestamptz IS NULL OR (c.created_at, c.id) < ($2::timestamptz, $3::uuid))
          ORDER BY c.created_at DESC, c.id DESC LIMIT $4`,
        [recordId, before?.createdAt ?? null, before?.id ?? null, limit],
      ),
    );
  }

  /**
   * Personal data: the comments on the given records and those on any record `principal` sees whose
   * text matches `pattern` (a PostgreSQL regular expression, case-insensitive) — oldest first.
   */
  async aboutOrMentioning(
    records: readonly { type: RecordTypeDefinition; ids: readonly string[] }[],
    principal: Principal,
    pattern: string,
    db: Queryable = this.dataSource,
  ): Promise<CommentRow[]> {
    const sql = new SqlParams();
    const on = sql.add(pattern);
    // One branch per record type: the join with the record's table carries the caller's visibility.
    const branches = Object.values(RECORD_TYPES).map((type) => {
      const ids = records.find((entry) => entry.type.name === type.name)?.ids ?? [];
      const column = recordColumnOf(type);
      return `SELECT ${COLUMNS} FROM crm_comments c JOIN ${type.table} r ON r.id = c.${column}
               WHERE (c.${column} = ANY(${sql.add(ids)}::uuid[]) OR c.body ~* ${on}) AND ${visibleTo(principal, 'read', sql)}`;
    });
    return rowsOf<CommentRow>(await db.query(`${branches.join(' UNION ALL ')} ORDER BY created_at, id`, sql.values));
  }

  /** Personal data: the comments on one record (about the person) keep their row, their text becomes `replacement`. */
  async redactOfRecord(type: RecordTypeDefinition, recordId: string, replacement: string, tx: Queryable): Promise<number> {
    return rowsOf<{ changed: number }>(
      await tx.query(
        `WITH c AS (UPDATE crm_comments SET body = $2 WHERE ${recordColumnOf(type)} = $1 AND body <> $2 RETURNING 1) SELECT count(*)::int AS changed FROM c`,
        [recordId, replacement],
      ),
    )[0]!.changed;
  }

  /** Personal data: in every comment, each match of `pattern` (case-insensitive) becomes `replacement`; answers how many changed. */
  async scrub(pattern: string, replacement: string, tx: Queryable): Promise<number> {
    return rowsOf<{ changed: number }>(
      await tx.query(
        `WITH c AS (UPDATE crm_comments SET body = regexp_replace(body, $1, $2, 'gi') WHERE body ~* $1 RETURNING 1) SELECT count(*)::int AS changed FROM c`,
        [pattern, replacement],
      ),
    )[0]!.changed;
  }
}
