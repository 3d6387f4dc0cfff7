// /territories: what territory rule sets name, with their team and default owner; create, change, delete.
import type { ItemList, TerritoryRequest, TerritoryUpdateRequest, TerritoryView } from '@stageflow/api-contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-fetch';

export const territoriesKeys = { all: ['territories'] as const, list: () => [...territoriesKeys.all, 'list'] as const };

export const territoriesQuery = queryOptions({
  queryKey: territoriesKeys.list(),
  queryFn: () => apiFetch<ItemList<TerritoryView>>('/territories'),
});

export function useTerritoryMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: territoriesKeys.all });
  return {
    create: useMutation({
      mutationFn: (request: TerritoryRequest) => apiFetch<TerritoryView>('/territories', { method: 'POST', json: request }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ key, changes }: { key: string; changes: TerritoryUpdateRequest }) =>
        apiFetch<TerritoryView>(`/territories/${encodeURIComponent(key)}`, { method: 'PATCH', json: changes }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (key: string) => apiFetch<void>(`/territories/${encodeURIComponent(key)}`, { method: 'DELETE' }), onSuccess: refresh }),
  };
}
