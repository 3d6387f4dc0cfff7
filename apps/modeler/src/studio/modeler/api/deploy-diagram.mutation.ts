// Deploys the diagram: POST /deployments with the XML as the one resource of a JSON deployment
// (`{name, resources: [{name, content}]}`); the answer says whether it made new versions
// (deploy-outcome.ts). A refusal (422) is thrown as the ApiError whose details name the elements.
import type { DeploymentView } from '@stageflow/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { deployOutcome, type DeployOutcome } from '../deploy/deploy-outcome';
import { processesKeys } from '../../processes/api/processes-keys';
import { modelerKeys } from './modeler-keys';

export interface DeployRequest {
  /** The resource's file name (`lead-generation.bpmn`): the name it was deployed under, or `<process id>.bpmn`. */
  resourceName: string;
  xml: string;
}

export async function deployDiagram({ resourceName, xml }: DeployRequest): Promise<DeployOutcome> {
  const result = await apiFetch<DeploymentView>('/deployments', { json: { name: resourceName, resources: [{ name: resourceName, content: xml }] } });
  return deployOutcome(result);
}

export function useDeployDiagram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deployDiagram,
    onSuccess: (outcome) => {
      for (const process of outcome.processes) void queryClient.invalidateQueries({ queryKey: modelerKeys.versions(process.key) });
      // The process list shows versions too; a new version may catch or throw new messages.
      void queryClient.invalidateQueries({ queryKey: processesKeys.all });
      void queryClient.invalidateQueries({ queryKey: modelerKeys.picker('message-names') });
    },
  });
}
