// GET /<records>/{id}: one record as the caller may see it (404 for one they may not).
import type { RecordView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { definitionOf, type WorkspaceRecordType } from '../record-kinds';
import { recordsKeys } from './records-keys';

export function recordQuery(type: WorkspaceRecordType, id: string) {
  return queryOptions({
    queryKey: recordsKeys.record(type, id),
    queryFn: () => apiFetch<RecordView>(`/${definitionOf(type).path}/${encodeURIComponent(id)}`),
  });
}
