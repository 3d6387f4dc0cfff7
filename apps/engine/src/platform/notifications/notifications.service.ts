// In-app notifications (written by the notifyUser action in its run's transaction): each user
// reads their own and marks them read. Nobody reads another user's notifications, not even an
// admin: they are the user's inbox, not an audit trail (history has the action runs).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFound } from '../errors/domain-errors.js';
import type { Page, Paging } from '../http/input.js';

export interface NotificationView {
  id: string;
  message: string;
  processInstanceId: string | null;
  createdAt: string;
  readAt: string | null;
}

interface NotificationRow {
  id: string;
  message: string;
  process_instance_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

const COLUMNS = 'id, message, process_instance_id, created_at, read_at';

@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The user's notifications, newest first; `unread` keeps those not read yet. */
  async list(username: string, unread: boolean, paging: Paging): Promise<Page<NotificationView>> {
    const condition = `username = $1${unread ? ' AND read_at IS NULL' : ''}`;
    const rows: (NotificationRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM notifications WHERE ${condition} ORDER BY created_at DESC, id OFFSET $2 LIMIT $3`,
      [username, paging.offset, paging.limit],
    );
    const total = rows[0]
      ? Number(rows[0].total)
      : Number(((await this.dataSource.query(`SELECT count(*) FROM notifications WHERE ${condition}`, [username])) as { count: string }[])[0]?.count ?? 0);
    return { items: rows.map(toView), total, offset: paging.offset, limit: paging.limit };
  }

  /** Marks one of the user's notifications read (again: unchanged); another user's is 404. */
  async markRead(username: string, id: string): Promise<NotificationView> {
    const rows: NotificationRow[] = await this.dataSource.query(
      // A CTE so the driver answers the rows (a bare UPDATE answers [rows, count]).
      `WITH marked AS (UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND username = $2 RETURNING ${COLUMNS}) SELECT * FROM marked`,
      [id, username],
    );
    const row = rows[0];
    if (!row) throw new NotFound(`notification ${id} not found`);
    return toView(row);
  }
}

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    message: row.message,
    processInstanceId: row.process_instance_id,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}
