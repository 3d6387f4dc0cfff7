// GET /catalogs/{catalog}: the values a catalog field may take (retired ones are refused on write).
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { recordsKeys } from './records-keys';

export interface CatalogValue {
  key: string;
  label: string;
  retired: boolean;
}

export function catalogQuery(catalog: string) {
  return queryOptions({
    queryKey: recordsKeys.catalog(catalog),
    queryFn: () => apiFetch<{ items: CatalogValue[] }>(`/catalogs/${encodeURIComponent(catalog)}`),
    staleTime: 5 * 60_000,
  });
}
