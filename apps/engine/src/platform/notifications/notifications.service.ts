// In-app notifications (written by the notifyUser action in its run's transaction): each user
// reads their own and marks them read. Nobody reads another user's notifications, not even an
// admin: they are the user's inbox, not an audit trail (history has the action runs).
import { Injectable } from '@nestjs/common';
import { NotFound } from '../errors/domain-errors.js';
import type { Page, Paging } from '../http/input.js';
import { NotificationsRepository } from './notifications.repository.js';
import { toNotificationView, type NotificationView } from './notifications.row.js';

export type { NotificationView } from './notifications.row.js';

@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  /** The user's notifications, newest first; `unread` keeps those not read yet. */
  async list(username: string, unread: boolean, paging: Paging): Promise<Page<NotificationView>> {
    const page = await this.notifications.page(username, unread, paging);
    // An empty page (past the end) carries no count: ask for it.
    const total = page.rows.length > 0 ? page.total : await this.notifications.count(username, unread);
    return { items: page.rows.map(toNotificationView), total, offset: paging.offset, limit: paging.limit };
  }

  /** Marks one of the user's notifications read (again: unchanged); another user's is 404. */
  async markRead(username: string, id: string): Promise<NotificationView> {
    const row = await this.notifications.markRead(username, id);
    if (!row) throw new NotFound(`notification ${id} not found`);
    return toNotificationView(row);
  }
}
