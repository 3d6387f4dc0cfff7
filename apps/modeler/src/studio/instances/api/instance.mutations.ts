// The writes of the live view: an admin's edit of variables, an incident's retry, the cancel. Each
// answers through the engine's command path and invalidates everything shown about the instance.
import type { IncidentView, ProcessInstanceView } from '@stageflow/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { instancesKeys } from './instances-keys';

function useInstanceWrite<I, O>(instanceId: string, write: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: instancesKeys.instance(instanceId) }),
        queryClient.invalidateQueries({ queryKey: instancesKeys.lists() }),
      ]);
    },
  });
}

/** PATCH /process-instances/{id}/variables (admin): sets these variables, others keep theirs. */
export function useEditVariables(instanceId: string) {
  return useInstanceWrite(instanceId, (variables: ProcessInstanceView['variables']) =>
    apiFetch<ProcessInstanceView>(`/process-instances/${encodeURIComponent(instanceId)}/variables`, { method: 'PATCH', json: { variables } }),
  );
}

/** POST /incidents/{id}/retry. */
export function useRetryIncident(instanceId: string) {
  return useInstanceWrite(instanceId, (incidentId: string) => apiFetch<IncidentView>(`/incidents/${encodeURIComponent(incidentId)}/retry`, { method: 'POST' }));
}

/** POST /process-instances/{id}/cancel. */
export function useCancelInstance(instanceId: string) {
  return useInstanceWrite(instanceId, () => apiFetch<ProcessInstanceView>(`/process-instances/${encodeURIComponent(instanceId)}/cancel`, { method: 'POST' }));
}
