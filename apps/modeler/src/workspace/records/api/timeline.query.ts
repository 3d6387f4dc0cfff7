// GET /<records>/{id}/timeline: what happened to the record, newest first, paged by the engine's cursor.
import type { TimelinePageView } from '@stageflow/api-contract';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { definitionOf, type WorkspaceRecordType } from '../record-kinds';
import { recordsKeys } from './records-keys';

export const TIMELINE_PAGE_SIZE = 20;

export function timelineQuery(type: WorkspaceRecordType, id: string) {
  return infiniteQueryOptions({
    queryKey: recordsKeys.part(type, id, 'timeline'),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(TIMELINE_PAGE_SIZE) });
      if (pageParam !== null) query.set('cursor', pageParam);
      return apiFetch<TimelinePageView>(`/${definitionOf(type).path}/${encodeURIComponent(id)}/timeline?${query.toString()}`);
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}
