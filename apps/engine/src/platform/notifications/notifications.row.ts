// The `notifications` table as PostgreSQL answers it, and its view (the idempotency key and the
// owner stay inside).
export interface NotificationRow {
  id: string;
  username: string;
  message: string;
  process_instance_id: string | null;
  /** The action run that wrote it: one notification per run. */
  idempotency_key: string;
  created_at: Date;
  read_at: Date | null;
}

export interface NotificationView {
  id: string;
  message: string;
  processInstanceId: string | null;
  createdAt: string;
  readAt: string | null;
}

export function toNotificationView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    message: row.message,
    processInstanceId: row.process_instance_id,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}
