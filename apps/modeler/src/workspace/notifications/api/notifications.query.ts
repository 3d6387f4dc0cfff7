// GET /notifications (the caller's own, newest first) and POST /notifications/{id}/read. Polled:
// the engine has no push channel, a poll is one indexed read per user, works through any proxy and
// on every engine node alike, and react-query pauses it while the tab is hidden.
import type { NotificationView, Page } from '@stageflow/api-contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';

export const NOTIFICATIONS_REFRESH_MS = 15_000;

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
  recent: () => [...notificationKeys.all, 'recent'] as const,
};

/** How many are unread: a one-row page's total. */
export function unreadCountQuery() {
  return queryOptions({
    queryKey: notificationKeys.unreadCount(),
    queryFn: async () => (await apiFetch<Page<NotificationView>>('/notifications?unread=true&limit=1')).total,
    refetchInterval: NOTIFICATIONS_REFRESH_MS,
    staleTime: 0,
  });
}

/** The newest 20, read or not: what the bell's list shows. */
export function recentNotificationsQuery(enabled: boolean) {
  return queryOptions({
    queryKey: notificationKeys.recent(),
    queryFn: () => apiFetch<Page<NotificationView>>('/notifications?limit=20'),
    enabled,
    staleTime: 0,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<NotificationView>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
