// PATCH /<records>/{id} with the fields that changed; the engine's 400 names each refused field.
import type { RecordView } from '@stageflow/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { definitionOf, type WorkspaceRecordType } from '../record-kinds';
import { recordsKeys } from './records-keys';

export function useUpdateRecord(type: WorkspaceRecordType, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Record<string, unknown>) =>
      apiFetch<RecordView>(`/${definitionOf(type).path}/${encodeURIComponent(id)}`, { method: 'PATCH', json: changes }),
    onSuccess: (record) => {
      queryClient.setQueryData(recordsKeys.record(type, id), record);
      // The timeline shows the change; the lists may sort or filter by it.
      void queryClient.invalidateQueries({ queryKey: recordsKeys.record(type, id) });
      void queryClient.invalidateQueries({ queryKey: [...recordsKeys.all, type, 'list'] });
    },
  });
}
