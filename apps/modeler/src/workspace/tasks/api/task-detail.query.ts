// GET /tasks/{id}: the task with the form (its JSON Schema) the web app renders for it.
import type { TaskDetailView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { taskKeys } from './tasks-keys';

export function taskDetailQuery(id: string) {
  return queryOptions({
    queryKey: taskKeys.detail(id),
    queryFn: () => apiFetch<TaskDetailView>(`/tasks/${encodeURIComponent(id)}`),
  });
}
