// GET /tasks for the task list: open tasks in the engine's order (soonest due, then priority),
// polled every 30 s so tasks others create, hand over or take show without a reload.
import type { Page, TaskView } from '@stageflow/api-contract';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { taskListPath, type TaskListFilter } from '../task-list-filter';
import { taskKeys } from './tasks-keys';

export const TASKS_REFRESH_MS = 30_000;

export function taskListQuery(filter: TaskListFilter, username: string) {
  return queryOptions({
    queryKey: taskKeys.list(filter, username),
    queryFn: () => apiFetch<Page<TaskView>>(taskListPath(filter, username, new Date())),
    refetchInterval: TASKS_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}
