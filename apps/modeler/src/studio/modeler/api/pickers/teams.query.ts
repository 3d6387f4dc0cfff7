// GET /teams: team names, for candidate groups and starters (null when the user may not list teams).
import type { TeamList } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../../app/api/api-fetch';
import { modelerKeys } from '../modeler-keys';
import { readableOrNull } from './readable';

export async function fetchTeamPicks(): Promise<string[] | null> {
  const list = await readableOrNull(() => apiFetch<TeamList>('/teams'));
  return list && list.items.map((team) => team.name);
}

export const teamPicksQuery = queryOptions({ queryKey: modelerKeys.picker('teams'), queryFn: fetchTeamPicks });
