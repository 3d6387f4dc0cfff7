// GET /api/v1/notifications, POST /api/v1/notifications/{id}/read.
import { described, instant, named, nullable, page, string, uuid } from '../schemas/json-schema.js';

export interface NotificationView {
  id: string;
  message: string;
  processInstanceId: string | null;
  createdAt: string;
  /** When the user marked it read; null while unread. */
  readAt: string | null;
}

export const notificationSchema = named<NotificationView>('notification', {
  id: uuid,
  message: string,
  processInstanceId: nullable(uuid),
  createdAt: instant,
  readAt: described(nullable(instant), 'When the user marked it read; null while unread.'),
});

export const notificationPageSchema = page('notification-page', notificationSchema);
