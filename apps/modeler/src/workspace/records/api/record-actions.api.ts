// What a user does to a record beside editing it: log an activity on it (POST /activities naming
// the record) and hand it to another owner (POST /<records>/{id}/owner — managers and admins).
import type { ItemList, RecordView, UserView } from '@stageflow/api-contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { definitionOf, type WorkspaceRecordType } from '../record-kinds';
import { recordsKeys } from './records-keys';

export function useLogActivity(type: WorkspaceRecordType, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (activity: Record<string, unknown>) => apiFetch<RecordView>('/activities', { json: { ...activity, [`${type}Id`]: id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: recordsKeys.part(type, id, 'timeline') }),
  });
}

export function useHandOver(type: WorkspaceRecordType, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ownerId: string; reason?: string }) =>
      apiFetch<RecordView>(`/${definitionOf(type).path}/${encodeURIComponent(id)}/owner`, { json: body }),
    onSuccess: (record) => {
      queryClient.setQueryData(recordsKeys.record(type, id), record);
      void queryClient.invalidateQueries({ queryKey: recordsKeys.record(type, id) });
    },
  });
}

/** GET /users (managers and admins): who a record can be handed to, and owners' names. */
export const usersQuery = queryOptions({
  queryKey: recordsKeys.users(),
  queryFn: () => apiFetch<ItemList<UserView>>('/users'),
  staleTime: 5 * 60_000,
});
