// /users: the list, creation and the profile changes an admin makes.
import type { ItemList, UserView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-fetch';

export const usersKeys = { all: ['users'] as const, list: () => [...usersKeys.all, 'list'] as const };

export const usersQuery = queryOptions({ queryKey: usersKeys.list(), queryFn: () => apiFetch<ItemList<UserView>>('/users') });
