// /users: the list, creation, skills, a password reset, deactivation — an admin's writes.
import type { ItemList, UserView } from '@stageflow/api-contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../app/api/api-fetch';
import { teamsKeys } from '../teams/teams.api';

export const usersKeys = { all: ['users'] as const, list: () => [...usersKeys.all, 'list'] as const };

export const usersQuery = queryOptions({ queryKey: usersKeys.list(), queryFn: () => apiFetch<ItemList<UserView>>('/users') });

export interface NewUser {
  username: string;
  password: string;
  roles: string[];
  teamIds: string[];
  skills: string[];
}

/** The user writes; each refreshes the user list (and the teams, whose member lists change with a new user). */
export function useUserMutations() {
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: usersKeys.all }), queryClient.invalidateQueries({ queryKey: teamsKeys.all })]);
  return {
    create: useMutation({ mutationFn: (user: NewUser) => apiFetch<UserView>('/users', { method: 'POST', json: user }), onSuccess: refresh }),
    setSkills: useMutation({
      mutationFn: ({ id, skills }: { id: string; skills: string[] }) => apiFetch<UserView>(`/users/${id}`, { method: 'PATCH', json: { skills } }),
      onSuccess: refresh,
    }),
    resetPassword: useMutation({
      mutationFn: ({ id, password }: { id: string; password: string }) => apiFetch<UserView>(`/users/${id}/password`, { method: 'POST', json: { password } }),
    }),
    setActive: useMutation({
      mutationFn: ({ id, active }: { id: string; active: boolean }) =>
        apiFetch<UserView>(`/users/${id}/${active ? 'activate' : 'deactivate'}`, { method: 'POST' }),
      onSuccess: refresh,
    }),
  };
}
