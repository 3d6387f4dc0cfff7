// GET /tasks assigned to the signed-in user and still open, soonest due first (no due date last).
import type { Page, TaskView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';

export const workspaceKeys = {
  all: ['workspace'] as const,
  myOpenTasks: (username: string) => [...workspaceKeys.all, 'my-open-tasks', username] as const,
};

export function myOpenTasksQuery(username: string) {
  return queryOptions({
    queryKey: workspaceKeys.myOpenTasks(username),
    queryFn: async () => {
      const page = await apiFetch<Page<TaskView>>(`/tasks?state=created&assignee=${encodeURIComponent(username)}&limit=100`);
      return { ...page, items: [...page.items].sort(byDueThenPriority) };
    },
  });
}

function byDueThenPriority(a: TaskView, b: TaskView): number {
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  return (b.priority ?? 0) - (a.priority ?? 0);
}
