// GET /search?q=: organizations, contacts, leads and opportunities by name, e-mail or phone, at
// most 10 of each, as the caller sees them (the engine's answer; SearchController).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';

export interface SearchHit {
  type: 'organization' | 'contact' | 'lead' | 'opportunity';
  id: string;
  title: string;
  emails: string[];
  phones: string[];
}

/** The engine answers only from 2 characters on. */
export const MIN_QUERY_LENGTH = 2;

export function searchQuery(text: string) {
  const q = text.trim();
  return queryOptions({
    queryKey: ['search', q] as const,
    queryFn: ({ signal }) => apiFetch<{ items: SearchHit[] }>(`/search?${new URLSearchParams({ q }).toString()}`, { signal }),
    enabled: q.length >= MIN_QUERY_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
