// GET /process-instances: the explorer's list, newest first, a page at a time by cursor — each page a
// walk of an index that stops after the page, never a count of every match (count=false).
import type { ProcessInstancePage, ProcessInstanceState } from '@stageflow/api-contract';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { instancesKeys } from './instances-keys';

export interface InstanceListFilter {
  definitionKey?: string;
  version?: number;
  state?: ProcessInstanceState;
  businessKey?: string;
  hasIncident?: boolean;
}

export const INSTANCE_PAGE_SIZE = 25;

/** The query string of `filter` and a page (the cursor of the previous one). */
export function instanceListPath(filter: InstanceListFilter, cursor: string | undefined): string {
  const params = new URLSearchParams();
  if (filter.definitionKey) params.set('definitionKey', filter.definitionKey);
  if (filter.definitionKey && filter.version !== undefined) params.set('version', String(filter.version));
  if (filter.state) params.set('state', filter.state);
  if (filter.businessKey) params.set('businessKey', filter.businessKey);
  if (filter.hasIncident !== undefined) params.set('hasIncident', String(filter.hasIncident));
  params.set('limit', String(INSTANCE_PAGE_SIZE));
  params.set('count', 'false');
  if (cursor) params.set('cursor', cursor);
  return `/process-instances?${params.toString()}`;
}

export function instanceListQuery(filter: InstanceListFilter) {
  return infiniteQueryOptions({
    queryKey: instancesKeys.list(filter),
    queryFn: ({ pageParam }) => apiFetch<ProcessInstancePage>(instanceListPath(filter, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
