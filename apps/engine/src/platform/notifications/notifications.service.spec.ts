import { fakeAs } from '../database/fake-as.js';
import { NotFound } from '../errors/domain-errors.js';
import { FakeNotificationsRepository } from './notifications.repository.fake.js';
import type { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

function newTestService() {
  const notifications = new FakeNotificationsRepository();
  return { service: new NotificationsService(fakeAs<NotificationsRepository>(notifications)), notifications };
}

describe('NotificationsService', () => {
  it('given notifications of two users, when one lists theirs, then only theirs, newest first, with the total', async () => {
    const { service, notifications } = newTestService();
    notifications.seed('ann', 'older', '2026-01-01T10:00:00Z');
    notifications.seed('bob', 'not yours', '2026-01-01T11:00:00Z');
    notifications.seed('ann', 'newer', '2026-01-01T12:00:00Z');

    const page = await service.list('ann', false, { offset: 0, limit: 1 });

    expect(page).toMatchObject({ total: 2, offset: 0, limit: 1 });
    expect(page.items.map((item) => item.message)).toEqual(['newer']);
  });

  it('given a page past the end, when listed, then no items and still the total (counted separately)', async () => {
    const { service, notifications } = newTestService();
    notifications.seed('ann', 'one', '2026-01-01T10:00:00Z');
    notifications.seed('ann', 'two', '2026-01-01T11:00:00Z');

    const page = await service.list('ann', false, { offset: 5, limit: 10 });

    expect(page).toEqual({ items: [], total: 2, offset: 5, limit: 10 });
    expect(notifications.counts).toBe(1);
  });

  it('given read and unread notifications, when the unread are listed, then the read ones are left out of items and total', async () => {
    const { service, notifications } = newTestService();
    notifications.seed('ann', 'read', '2026-01-01T10:00:00Z', '2026-01-01T10:05:00Z');
    notifications.seed('ann', 'unread', '2026-01-01T11:00:00Z');

    const page = await service.list('ann', true, { offset: 0, limit: 10 });

    expect(page.items.map((item) => [item.message, item.readAt])).toEqual([['unread', null]]);
    expect(page.total).toBe(1);
  });

  it("given another user's notification, when marked read, then 404 and it stays unread; their own, then read with a time kept on a second mark", async () => {
    const { service, notifications } = newTestService();
    const bobs = notifications.seed('bob', 'for bob', '2026-01-01T10:00:00Z');

    await expect(service.markRead('ann', bobs.id)).rejects.toThrow(NotFound);
    expect(bobs.read_at).toBeNull();

    const first = await service.markRead('bob', bobs.id);
    const again = await service.markRead('bob', bobs.id);
    expect(first.readAt).not.toBeNull();
    expect(again.readAt).toBe(first.readAt);
  });
});
