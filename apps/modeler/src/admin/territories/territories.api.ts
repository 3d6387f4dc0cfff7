// /territories: what territory rule sets name, with their team and default owner.
import type { ItemList, TerritoryView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-fetch';

export const territoriesKeys = { all: ['territories'] as const, list: () => [...territoriesKeys.all, 'list'] as const };

export const territoriesQuery = queryOptions({
  queryKey: territoriesKeys.list(),
  queryFn: () => apiFetch<ItemList<TerritoryView>>('/territories'),
});
