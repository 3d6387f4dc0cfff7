// GET /<records>/{id}/process: the instances driving the record and the open tasks the caller may see.
import type { TaskView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { definitionOf, type WorkspaceRecordType } from '../record-kinds';
import { recordsKeys } from './records-keys';

export interface RecordProcessInstance {
  id: string;
  definitionKey: string;
  version: number;
  state: string;
  activeElementIds: string[];
  createdAt: string;
  endedAt: string | null;
}

export interface RecordProcessState {
  businessKey: string;
  instances: RecordProcessInstance[];
  openTasks: TaskView[];
}

export function recordProcessQuery(type: WorkspaceRecordType, id: string) {
  return queryOptions({
    queryKey: recordsKeys.part(type, id, 'process'),
    queryFn: () => apiFetch<RecordProcessState>(`/${definitionOf(type).path}/${encodeURIComponent(id)}/process`),
  });
}
