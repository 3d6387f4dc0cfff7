// GET /me/agenda?tz=: the user's day — today's and overdue activities, today's meetings, tasks due
// by the end of today, open deals by next-contact date — in the browser's time zone.
import type { AgendaView } from '@stageflow/api-contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import type { ActivityLog } from '../activity-log';

export const agendaKeys = {
  all: ['agenda'] as const,
  day: (timeZone: string) => [...agendaKeys.all, timeZone] as const,
};

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function agendaQuery(timeZone = browserTimeZone()) {
  return queryOptions({
    queryKey: agendaKeys.day(timeZone),
    queryFn: () => apiFetch<AgendaView>(`/me/agenda?${new URLSearchParams({ tz: timeZone }).toString()}`),
    refetchInterval: 60_000,
  });
}

/**
 * Logs a call or meeting as a done activity on the record, then moves the deal's next-contact date
 * (two writes: the activity is kept even when the date is refused, and the error says so).
 */
export function useLogActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (log: ActivityLog) => {
      await apiFetch('/activities', { method: 'POST', json: log.activity });
      if (log.nextContact !== undefined) {
        await apiFetch(`/opportunities/${encodeURIComponent(log.nextContact.opportunityId)}`, {
          method: 'PATCH',
          json: { nextContactAt: log.nextContact.at },
        });
      }
    },
    onSettled: () => void client.invalidateQueries({ queryKey: agendaKeys.all }),
  });
}

export function useMarkActivityDone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/activities/${encodeURIComponent(id)}`, { method: 'PATCH', json: { done: true } }),
    onSettled: () => void client.invalidateQueries({ queryKey: agendaKeys.all }),
  });
}
