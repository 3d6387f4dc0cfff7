// All SQL of the `ended_sessions` table: the ids of signed-out sessions until their tokens expire.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../database/queryable.js';
import { rowsOf } from '../../database/query-rows.js';
import { IDENTITY_CHANNEL } from '../identity-changes.js';

@Injectable()
export class EndedSessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records the session as ended until `expiresAt` (its token's expiry) and tells every node
   * (NOTIFY `session:<id>` at commit). Rows whose tokens have expired are deleted on the way:
   * sign-outs are rare, the table stays as small as the sessions still alive.
   */
  async end(sessionId: string, expiresAt: Date, db: Queryable = this.dataSource): Promise<void> {
    await db.query(
      `WITH expired AS (DELETE FROM ended_sessions WHERE expires_at < now()),
            ended AS (INSERT INTO ended_sessions (session_id, expires_at) VALUES ($1::uuid, $2) ON CONFLICT (session_id) DO NOTHING)
       SELECT pg_notify('${IDENTITY_CHANNEL}', 'session:' || $1::uuid::text)`,
      [sessionId, expiresAt],
    );
  }

  async isEnded(sessionId: string, db: Queryable = this.dataSource): Promise<boolean> {
    return rowsOf(await db.query(`SELECT 1 FROM ended_sessions WHERE session_id = $1`, [sessionId])).length > 0;
  }
}
