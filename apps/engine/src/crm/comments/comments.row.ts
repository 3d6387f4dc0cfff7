// `crm_comments`: a comment on one record, with the users its @mentions notified.
import type { RecordTypeName } from '@stageflow/api-contract';

export interface CommentRow {
  id: string;
  record_type: RecordTypeName;
  /** The referenced record, from the column of its type. */
  record_id: string;
  body: string;
  notified: string[];
  author_id: string | null;
  author_name: string;
  created_at: Date;
}

export interface CommentView {
  id: string;
  recordType: RecordTypeName;
  recordId: string;
  body: string;
  author: { id: string | null; name: string };
  /** The mentioned users who were notified (those who may see the record); other mentions stay text. */
  notified: string[];
  createdAt: string;
}

export function toCommentView(row: CommentRow): CommentView {
  return {
    id: row.id,
    recordType: row.record_type,
    recordId: row.record_id,
    body: row.body,
    author: { id: row.author_id, name: row.author_name },
    notified: row.notified,
    createdAt: row.created_at.toISOString(),
  };
}
