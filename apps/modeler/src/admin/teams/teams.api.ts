// /teams and their members: the list, create, rename, delete, members added and removed.
import type { ItemList, TeamView } from '@stageflow/api-contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-fetch';
import { usersKeys } from '../users/users.api';

export const teamsKeys = { all: ['teams'] as const, list: () => [...teamsKeys.all, 'list'] as const };

export const teamsQuery = queryOptions({ queryKey: teamsKeys.list(), queryFn: () => apiFetch<ItemList<TeamView>>('/teams') });

/** The team writes; each refreshes the teams and the users (whose team lists change with them). */
export function useTeamMutations() {
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: teamsKeys.all }), queryClient.invalidateQueries({ queryKey: usersKeys.all })]);
  return {
    create: useMutation({ mutationFn: (name: string) => apiFetch<TeamView>('/teams', { method: 'POST', json: { name } }), onSuccess: refresh }),
    rename: useMutation({
      mutationFn: ({ id, name }: { id: string; name: string }) => apiFetch<TeamView>(`/teams/${id}`, { method: 'PATCH', json: { name } }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => apiFetch<void>(`/teams/${id}`, { method: 'DELETE' }), onSuccess: refresh }),
    addMember: useMutation({
      mutationFn: ({ id, username }: { id: string; username: string }) => apiFetch<TeamView>(`/teams/${id}/members`, { method: 'POST', json: { username } }),
      onSuccess: refresh,
    }),
    removeMember: useMutation({
      mutationFn: ({ id, username }: { id: string; username: string }) =>
        apiFetch<void>(`/teams/${id}/members/${encodeURIComponent(username)}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}
