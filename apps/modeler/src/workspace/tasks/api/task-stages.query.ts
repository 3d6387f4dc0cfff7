// GET /tasks/stages: the stages the task list can be filtered by, per process (any user reads them).
import type { TaskStageListView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { taskKeys } from './tasks-keys';

export function taskStagesQuery() {
  return queryOptions({
    queryKey: taskKeys.stages(),
    queryFn: async () => (await apiFetch<TaskStageListView>('/tasks/stages')).items,
    staleTime: 5 * 60_000,
  });
}
