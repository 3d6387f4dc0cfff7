// GET /<records>?<filters>&sort=&limit=&cursor=: the records the caller sees, a page at a time
// with the engine's cursor.
import type { RecordView } from '@stageflow/api-contract';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { definitionOf, type WorkspaceRecordType } from '../record-kinds';
import { recordsKeys } from './records-keys';

export interface RecordPage {
  items: RecordView[];
  nextCursor: string | null;
}

export const LIST_PAGE_SIZE = 25;

/** `params`: the list's query without limit and cursor (`q=acme&sort=-createdAt`). */
export function recordListQuery(type: WorkspaceRecordType, params: URLSearchParams) {
  const base = params.toString();
  return infiniteQueryOptions({
    queryKey: recordsKeys.list(type, base),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams(params);
      query.set('limit', String(LIST_PAGE_SIZE));
      if (pageParam !== null) query.set('cursor', pageParam);
      return apiFetch<RecordPage>(`/${definitionOf(type).path}?${query.toString()}`);
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}
