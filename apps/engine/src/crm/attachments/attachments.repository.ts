// All SQL of `crm_attachments`. Reads that start from an attachment id join its record's table
// with the caller's visibility (record-visibility.ts), so a file is found only with a record the
// caller may see; the list starts from a record the service found visible.
import { Injectable } from '@nestjs/common';
import type { RecordTypeDefinition } from '@stageflow/api-contract';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import { SqlParams } from '../../platform/database/sql-params.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { recordColumnOf } from '../records/record-scope.js';
import { visibleTo, type RecordAccess } from '../records/record-visibility.js';
import type { AttachmentRow } from './attachments.row.js';

const RECORD_ID = 'COALESCE(a.organization_id, a.contact_id, a.lead_id, a.opportunity_id, a.activity_id)';
const COLUMNS = `a.id, a.record_type, ${RECORD_ID} AS record_id, a.file_name, a.content_type, a.size_bytes, a.sha256, a.uploaded_by, a.uploaded_by_name, a.created_at`;

export interface NewAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sha256: string;
  content: Buffer;
  /** Null for a file the engine made (a process's document). */
  uploadedBy: string | null;
  uploadedByName: string;
}

@Injectable()
export class AttachmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(type: RecordTypeDefinition, recordId: string, attachment: NewAttachment, db: Queryable = this.dataSource): Promise<AttachmentRow> {
    return rowsOf<AttachmentRow>(
      await db.query(
        `WITH a AS (
           INSERT INTO crm_attachments (id, record_type, ${recordColumnOf(type)}, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_by_name)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *)
         SELECT ${COLUMNS} FROM a`,
        [
          attachment.id,
          type.name,
          recordId,
          attachment.fileName,
          attachment.contentType,
          attachment.content.length,
          attachment.sha256,
          attachment.content,
          attachment.uploadedBy,
          attachment.uploadedByName,
        ],
      ),
    )[0]!;
  }

  /** Files with their bytes, for the e-mails that carry them (the e-mail outbox's attachment port); unknown ids are left out. */
  async contentsOf(
    ids: readonly string[],
    db: Queryable = this.dataSource,
  ): Promise<{ id: string; file_name: string; content_type: string; content: Buffer }[]> {
    return rowsOf<{ id: string; file_name: string; content_type: string; content: Buffer }>(
      await db.query('SELECT id, file_name, content_type, content FROM crm_attachments WHERE id = ANY($1::uuid[])', [ids]),
    );
  }

  /** One attachment without its bytes, whoever may see it (the engine's own reads), or undefined. */
  async findById(id: string, db: Queryable = this.dataSource): Promise<AttachmentRow | undefined> {
    return rowsOf<AttachmentRow>(await db.query(`SELECT ${COLUMNS} FROM crm_attachments a WHERE a.id = $1`, [id]))[0];
  }

  /** The files of one record, newest first (without their bytes). */
  async ofRecord(type: RecordTypeDefinition, recordId: string, db: Queryable = this.dataSource): Promise<AttachmentRow[]> {
    return rowsOf<AttachmentRow>(
      await db.query(`SELECT ${COLUMNS} FROM crm_attachments a WHERE a.${recordColumnOf(type)} = $1 ORDER BY a.created_at DESC, a.id`, [recordId]),
    );
  }

  /** The type of the record an attachment hangs on (to know which record table to join), or undefined. */
  async recordTypeOf(id: string, db: Queryable = this.dataSource): Promise<string | undefined> {
    return rowsOf<{ record_type: string }>(await db.query('SELECT record_type FROM crm_attachments WHERE id = $1', [id]))[0]?.record_type;
  }

  /**
   * The attachment if its record (of `type`) is one `principal` may see for `access`; with its
   * bytes when `content`. `lock` (in a transaction) holds the record, as its other writes do.
   */
  async findVisible(
    type: RecordTypeDefinition,
    principal: Principal,
    access: RecordAccess,
    id: string,
    options: { content?: boolean; lock?: boolean } = {},
    db: Queryable = this.dataSource,
  ): Promise<(AttachmentRow & { content?: Buffer }) | undefined> {
    const sql = new SqlParams();
    return rowsOf<AttachmentRow & { content?: Buffer }>(
      await db.query(
        `SELECT ${COLUMNS}${options.content ? ', a.content' : ''}
           FROM crm_attachments a JOIN ${type.table} r ON r.id = a.${recordColumnOf(type)}
          WHERE a.id = ${sql.add(id)}::uuid AND ${visibleTo(principal, access, sql)}${options.lock ? ' FOR UPDATE OF r' : ''}`,
        sql.values,
      ),
    )[0];
  }

  /** The files of several records (without their bytes): `records` as `{type, ids}` per record type. */
  async ofRecords(records: readonly { type: RecordTypeDefinition; ids: readonly string[] }[], db: Queryable = this.dataSource): Promise<AttachmentRow[]> {
    const rows: AttachmentRow[] = [];
    for (const { type, ids } of records) {
      if (ids.length === 0) continue;
      rows.push(
        ...rowsOf<AttachmentRow>(
          await db.query(`SELECT ${COLUMNS} FROM crm_attachments a WHERE a.${recordColumnOf(type)} = ANY($1::uuid[]) ORDER BY a.created_at DESC, a.id`, [ids]),
        ),
      );
    }
    return rows;
  }

  /** Personal data: deletes the files of one record (bytes and all); answers how many. */
  async deleteOfRecord(type: RecordTypeDefinition, recordId: string, tx: Queryable): Promise<number> {
    return rowsOf<{ deleted: number }>(
      await tx.query(`WITH d AS (DELETE FROM crm_attachments WHERE ${recordColumnOf(type)} = $1 RETURNING 1) SELECT count(*)::int AS deleted FROM d`, [
        recordId,
      ]),
    )[0]!.deleted;
  }

  /**
   * Personal data: in the file names of the given attachments every match of `pattern` (a
   * PostgreSQL regular expression, case-insensitive) becomes `replacement`; answers how many changed.
   */
  async scrubFileNames(ids: readonly string[], pattern: string, replacement: string, tx: Queryable): Promise<number> {
    if (ids.length === 0) return 0;
    return rowsOf<{ changed: number }>(
      await tx.query(
        `WITH c AS (UPDATE crm_attachments SET file_name = regexp_replace(file_name, $2, $3, 'gi') WHERE id = ANY($1::uuid[]) AND file_name ~* $2 RETURNING 1)
         SELECT count(*)::int AS changed FROM c`,
        [ids, pattern, replacement],
      ),
    )[0]!.changed;
  }

  async delete(id: string, db: Queryable = this.dataSource): Promise<void> {
    await db.query('DELETE FROM crm_attachments WHERE id = $1', [id]);
  }
}
