// Claim, unclaim, hand over (managers) and complete: each a POST on the task, then the lists and
// the task are read again.
import type { CompletedTaskView, TaskView } from '@stageflow/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { taskKeys } from './tasks-keys';

export type TaskCommand = { kind: 'claim' } | { kind: 'unclaim' } | { kind: 'assign'; assignee: string };

export function useTaskCommand(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (command: TaskCommand) =>
      apiFetch<TaskView>(`/tasks/${encodeURIComponent(taskId)}/${command.kind}`, {
        method: 'POST',
        json: command.kind === 'assign' ? { assignee: command.assignee } : {},
      }),
    onSuccess: (task) => {
      client.setQueryData(taskKeys.detail(taskId), (old: object | undefined) => (old === undefined ? old : { ...old, ...task }));
      void client.invalidateQueries({ queryKey: taskKeys.lists() });
    },
  });
}

export function useCompleteTask(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: Record<string, unknown>) =>
      apiFetch<CompletedTaskView>(`/tasks/${encodeURIComponent(taskId)}/complete`, { method: 'POST', json: { variables } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: taskKeys.all });
    },
  });
}
