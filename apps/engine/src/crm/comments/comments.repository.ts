// All SQL of `crm_comments`; the service finds the record visible before it reads or writes here.
import { Injectable } from '@nestjs/common';
import type { RecordTypeDefinition } from '@stageflow/api-contract';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import { recordColumnOf } from '../records/record-scope.js';
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
}
