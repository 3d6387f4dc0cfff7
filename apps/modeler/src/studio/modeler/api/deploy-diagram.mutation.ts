// Deploys the diagram: POST /deployments with the XML as the one resource of a JSON deployment
// (`{name, resources: [{name, content}]}`). Before it, the latest version of each process in the
// diagram is read, so the answer can be told apart: new versions, or nothing new (deploy-outcome.ts).
// A refusal (422) is thrown as the ApiError whose details name the elements.
import type { DeploymentView } from '@stageflow/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { deployOutcome, type DeployOutcome } from '../deploy/deploy-outcome';
import { fetchDefinitionVersions } from './definition-versions.query';
import { processesKeys } from '../../processes/api/processes-keys';
import { modelerKeys } from './modeler-keys';

export interface DeployRequest {
  /** The resource's file name (`lead-generation.bpmn`): the name it was deployed under, or `<process id>.bpmn`. */
  resourceName: string;
  xml: string;
  /** The ids of the diagram's executable processes (the definition keys). */
  processKeys: string[];
}

export async function deployDiagram({ resourceName, xml, processKeys }: DeployRequest): Promise<DeployOutcome> {
  const latestBefore = new Map<string, string>();
  for (const key of processKeys) {
    const latest = (await fetchDefinitionVersions(key)).items.find((definition) => definition.key === key);
    if (latest) latestBefore.set(key, latest.id);
  }
  const result = await apiFetch<DeploymentView>('/deployments', { json: { name: resourceName, resources: [{ name: resourceName, content: xml }] } });
  return deployOutcome(latestBefore, result);
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
