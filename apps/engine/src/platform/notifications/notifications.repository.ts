// All SQL of the `notifications` table. Each method runs on the data source, or on the caller's
// transaction when one is passed last (the notifyUser action writes in its run's transaction).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../database/queryable.js';
import { rowsOf } from '../database/query-rows.js';
import type { Paging } from '../http/input.js';
import type { NotificationRow } from './notifications.row.js';

const COLUMNS = 'id, username, message, process_instance_id, idempotency_key, created_at, read_at';

/** One page of a user's notifications, with the count of all that match (0 when the page is empty: then ask `count`). */
export interface NotificationPage {
  rows: NotificationRow[];
  total: number;
}

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the notification unless one with its idempotency key exists (then nothing changes). */
  async insertOnce(
    notification: Pick<NotificationRow, 'id' | 'username' | 'message' | 'process_instance_id' | 'idempotency_key'>,
    db: Queryable = this.dataSource,
  ): Promise<void> {
    await db.query(
      `INSERT INTO notifications (id, username, message, process_instance_id, idempotency_key) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [notification.id, notification.username, notification.message, notification.process_instance_id, notification.idempotency_key],
    );
  }

  /** The user's notifications, newest first; `unread` keeps those not read yet. */
  async page(username: string, unread: boolean, paging: Paging, db: Queryable = this.dataSource): Promise<NotificationPage> {
    const rows = rowsOf<NotificationRow & { total: string }>(
      await db.query(
        `SELECT ${COLUMNS}, count(*) OVER () AS total FROM notifications WHERE ${condition(unread)} ORDER BY created_at DESC, id OFFSET $2 LIMIT $3`,
        [username, paging.offset, paging.limit],
      ),
    );
    return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0] ? Number(rows[0].total) : 0 };
  }

  /** How many notifications the user has (`unread`: not read yet). */
  async count(username: string, unread: boolean, db: Queryable = this.dataSource): Promise<number> {
    return Number(rowsOf<{ count: string }>(await db.query(`SELECT count(*) FROM notifications WHERE ${condition(unread)}`, [username]))[0]?.count ?? 0);
  }

  /** Marks the user's notification read (a read one keeps its time); undefined for another user's or an unknown id. */
  async markRead(username: string, id: string, db: Queryable = this.dataSource): Promise<NotificationRow | undefined> {
    const rows = rowsOf<NotificationRow>(
      await db.query(
        // A CTE so that the data source answers the rows (a bare UPDATE answers [rows, count]).
        `WITH marked AS (UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND username = $2 RETURNING ${COLUMNS}) SELECT * FROM marked`,
        [id, username],
      ),
    );
    return rows[0];
  }

  /**
   * Personal data: in every notification's message, each match of `pattern` (a PostgreSQL regular
   * expression, case-insensitive) becomes `replacement` — a mention's excerpt or a record's title
   * may quote a person; answers how many changed.
   */
  async scrub(pattern: string, replacement: string, tx: Queryable): Promise<number> {
    return rowsOf<{ changed: number }>(
      await tx.query(
        `WITH c AS (UPDATE notifications SET message = regexp_replace(message, $1, $2, 'gi') WHERE message ~* $1 RETURNING 1) SELECT count(*)::int AS changed FROM c`,
        [pattern, replacement],
      ),
    )[0]!.changed;
  }
}

function condition(unread: boolean): string {
  return `username = $1${unread ? ' AND read_at IS NULL' : ''}`;
}
