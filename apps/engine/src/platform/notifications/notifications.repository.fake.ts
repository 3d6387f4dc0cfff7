// For service specs: NotificationsRepository over an array of rows, with the SQL's answers
// (newest first, the total on a non-empty page only, a read keeps its first time).
import type { Paging } from '../http/input.js';
import type { NotificationPage, NotificationsRepository } from './notifications.repository.js';
import type { NotificationRow } from './notifications.row.js';

export class FakeNotificationsRepository implements Pick<NotificationsRepository, keyof NotificationsRepository> {
  rows: NotificationRow[] = [];
  /** How often the count was asked for. */
  counts = 0;

  seed(username: string, message: string, createdAt: string, readAt: string | null = null): NotificationRow {
    const row: NotificationRow = {
      id: `20000000-0000-4000-8000-${String(this.rows.length + 1).padStart(12, '0')}`,
      username,
      message,
      process_instance_id: null,
      idempotency_key: `run-${this.rows.length + 1}`,
      created_at: new Date(createdAt),
      read_at: readAt === null ? null : new Date(readAt),
    };
    this.rows.push(row);
    return row;
  }

  private matching(username: string, unread: boolean): NotificationRow[] {
    return this.rows
      .filter((row) => row.username === username && (!unread || row.read_at === null))
      .sort((a, b) => b.created_at.getTime() - a.created_at.getTime() || a.id.localeCompare(b.id));
  }

  async insertOnce(notification: Pick<NotificationRow, 'id' | 'username' | 'message' | 'process_instance_id' | 'idempotency_key'>): Promise<void> {
    if (this.rows.some((row) => row.idempotency_key === notification.idempotency_key)) return;
    this.rows.push({ ...notification, created_at: new Date(), read_at: null });
  }

  async page(username: string, unread: boolean, paging: Paging): Promise<NotificationPage> {
    const all = this.matching(username, unread);
    const rows = all.slice(paging.offset, paging.offset + paging.limit);
    return { rows, total: rows.length > 0 ? all.length : 0 };
  }

  async count(username: string, unread: boolean): Promise<number> {
    this.counts += 1;
    return this.matching(username, unread).length;
  }

  async markRead(username: string, id: string): Promise<NotificationRow | undefined> {
    const row = this.rows.find((candidate) => candidate.id === id && candidate.username === username);
    if (row) row.read_at ??= new Date();
    return row;
  }

  /** The SQL's regexp_replace(…, 'gi'), with the pattern's `[[:alnum:]]` read as ASCII letters and digits (enough for specs). */
  async scrub(pattern: string, replacement: string): Promise<number> {
    const regex = new RegExp(pattern.replaceAll('[[:alnum:]]', '[^\\W_]'), 'gi');
    let changed = 0;
    for (const row of this.rows) {
      const next = row.message.replace(regex, replacement);
      if (next !== row.message) changed += 1;
      row.message = next;
    }
    return changed;
  }
}
