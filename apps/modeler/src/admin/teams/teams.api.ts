// /teams and their members.
import type { ItemList, TeamView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-fetch';

export const teamsKeys = { all: ['teams'] as const, list: () => [...teamsKeys.all, 'list'] as const };

export const teamsQuery = queryOptions({ queryKey: teamsKeys.list(), queryFn: () => apiFetch<ItemList<TeamView>>('/teams') });
