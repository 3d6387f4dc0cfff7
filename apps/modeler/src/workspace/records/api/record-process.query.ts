// GET /<records>/{id}/process: the instances driving the record and the open tasks the caller may see.
import type { TaskView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { definitionOf, type WorkspaceRecordType } from '../record-kinds';
import { recordsKeys } from './records-keys';

export interface RecordProcessInstance {
  id: string;
  definitionKey: string;
  /** The process's name in its diagram; null when it has none. */
  definitionName: string | null;
  version: number;
  state: 'active' | 'completed' | 'terminated' | 'incident';
  activeElementIds: string[];
  /** Where it waits, each element with its name in the diagram of the version it runs (null: unnamed). */
  activeElements: { id: string; name: string | null }[];
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
