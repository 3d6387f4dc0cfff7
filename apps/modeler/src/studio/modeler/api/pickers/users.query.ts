// GET /users: active usernames, for assignees and starters (null when the user may not list users).
import type { UserView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../../app/api/api-fetch';
import { modelerKeys } from '../modeler-keys';
import { readableOrNull } from './readable';

export async function fetchUserPicks(): Promise<string[] | null> {
  const list = await readableOrNull(() => apiFetch<{ items: UserView[] }>('/users'));
  return list && list.items.filter((user) => user.active).map((user) => user.username);
}

export const userPicksQuery = queryOptions({ queryKey: modelerKeys.picker('users'), queryFn: fetchUserPicks });
