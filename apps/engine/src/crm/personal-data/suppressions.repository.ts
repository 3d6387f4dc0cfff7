// All SQL of `crm_suppressions`.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { Queryable } from '../../platform/database/queryable.js';
import type { SuppressionKind, SuppressionRow } from './suppression.row.js';

const COLUMNS = 'id, kind, key_hash, contact_id, created_by, created_at, lifted_at, lifted_by';

@Injectable()
export class SuppressionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds the hashes not suppressed already; answers the rows in force for them. */
  async add(
    entries: readonly { id: string; kind: SuppressionKind; keyHash: string }[],
    contactId: string,
    createdBy: string | null,
    tx: Queryable,
  ): Promise<SuppressionRow[]> {
    if (entries.length === 0) return [];
    await tx.query(
      `INSERT INTO crm_suppressions (id, kind, key_hash, contact_id, created_by)
       SELECT id, kind, key_hash, $4::uuid, $5::uuid FROM unnest($1::uuid[], $2::text[], $3::text[]) AS e(id, kind, key_hash)
       ON CONFLICT (kind, key_hash) WHERE lifted_at IS NULL DO NOTHING`,
      [entries.map((entry) => entry.id), entries.map((entry) => entry.kind), entries.map((entry) => entry.keyHash), contactId, createdBy],
    );
    return this.inForce(
      entries.map((entry) => entry.keyHash),
      tx,
    );
  }

  /** The suppressions in force (not lifted) among these hashes. */
  async inForce(keyHashes: readonly string[], db: Queryable = this.dataSource): Promise<SuppressionRow[]> {
    if (keyHashes.length === 0) return [];
    return rowsOf<SuppressionRow>(
      await db.query(`SELECT ${COLUMNS} FROM crm_suppressions WHERE key_hash = ANY($1::text[]) AND lifted_at IS NULL ORDER BY created_at, id`, [keyHashes]),
    );
  }

  /** Newest first. */
  async list(limit: number, db: Queryable = this.dataSource): Promise<SuppressionRow[]> {
    return rowsOf<SuppressionRow>(await db.query(`SELECT ${COLUMNS} FROM crm_suppressions ORDER BY created_at DESC, id LIMIT $1`, [limit]));
  }

  /** Lifts a suppression in force; the row as lifted, or undefined when there is none in force with this id. */
  async lift(id: string, liftedBy: string | null, db: Queryable = this.dataSource): Promise<SuppressionRow | undefined> {
    return rowsOf<SuppressionRow>(
      await db.query(
        `WITH lifted AS (UPDATE crm_suppressions SET lifted_at = now(), lifted_by = $2::uuid WHERE id = $1::uuid AND lifted_at IS NULL RETURNING ${COLUMNS}) SELECT * FROM lifted`,
        [id, liftedBy],
      ),
    )[0];
  }
}
