// The query keys of the task screens: one factory, so every change invalidates through it.
import type { TaskListFilter } from '../task-list-filter';

export const taskKeys = {
  all: ['tasks'] as const,
  lists: () => [...taskKeys.all, 'list'] as const,
  list: (filter: TaskListFilter, username: string) => [...taskKeys.lists(), username, filter] as const,
  detail: (id: string) => [...taskKeys.all, 'detail', id] as const,
  assignees: () => [...taskKeys.all, 'assignees'] as const,
  processes: () => [...taskKeys.all, 'processes'] as const,
  stages: () => [...taskKeys.all, 'stages'] as const,
};
