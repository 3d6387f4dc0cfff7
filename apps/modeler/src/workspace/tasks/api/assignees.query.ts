// GET /users for a manager's "hand to": the active sellers (managers and admins read users).
import type { Page, UserView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { taskKeys } from './tasks-keys';

export function assigneesQuery() {
  return queryOptions({
    queryKey: taskKeys.assignees(),
    queryFn: async () => {
      const page = await apiFetch<Page<UserView>>('/users?limit=500');
      return page.items.filter((user) => user.active && user.roles.includes('seller')).map((user) => user.username);
    },
    staleTime: 5 * 60_000,
  });
}
