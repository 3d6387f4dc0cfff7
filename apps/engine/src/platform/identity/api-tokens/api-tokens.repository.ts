// All SQL of the `api_tokens` table. Each method runs on the data source, or on the caller's
// transaction when one is passed last.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../database/queryable.js';
import { rowsOf } from '../../database/query-rows.js';
import { IDENTITY_CHANNEL } from '../identity-changes.js';
import type { ApiTokenRow } from './api-tokens.row.js';

const COLUMNS = 'id, name, token_hash, user_id, created_at, last_used_at';

@Injectable()
export class ApiTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(token: Pick<ApiTokenRow, 'id' | 'name' | 'token_hash' | 'user_id'>, db: Queryable = this.dataSource): Promise<ApiTokenRow> {
    const rows = rowsOf<ApiTokenRow>(
      await db.query(`INSERT INTO api_tokens (id, name, token_hash, user_id) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`, [
        token.id,
        token.name,
        token.token_hash,
        token.user_id,
      ]),
    );
    if (!rows[0]) throw new Error(`api token ${token.id} was not inserted`);
    return rows[0];
  }

  /** Oldest first; only the user's when `userId` is given. */
  async list(userId: string | undefined, db: Queryable = this.dataSource): Promise<ApiTokenRow[]> {
    return userId === undefined
      ? rowsOf<ApiTokenRow>(await db.query(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at`))
      : rowsOf<ApiTokenRow>(await db.query(`SELECT ${COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY created_at`, [userId]));
  }

  async findByHash(tokenHash: string, db: Queryable = this.dataSource): Promise<ApiTokenRow | undefined> {
    return rowsOf<ApiTokenRow>(await db.query(`SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1`, [tokenHash]))[0];
  }

  /**
   * Deletes the token (only if it is the user's, when `userId` is given); false when none was
   * deleted. Every node is told (NOTIFY `api-tokens` at commit) and forgets the tokens it cached.
   */
  async delete(id: string, userId: string | undefined, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await db.query(
        `WITH deleted AS (DELETE FROM api_tokens WHERE id = $1 AND ($2::uuid IS NULL OR user_id = $2::uuid) RETURNING id),
              told AS (SELECT pg_notify('${IDENTITY_CHANNEL}', 'api-tokens') FROM (SELECT 1 FROM deleted LIMIT 1) AS any_deleted)
         SELECT id FROM deleted, (SELECT count(*) FROM told) AS sent`,
        [id, userId ?? null],
      ),
    );
    return rows.length > 0;
  }
}
