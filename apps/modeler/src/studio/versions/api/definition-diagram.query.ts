// GET /process-definitions/{id}/diagram: one version with its XML as deployed.
import type { ProcessDefinitionDiagramView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { versionsKeys } from './versions-keys';

export function definitionDiagramQuery(definitionId: string) {
  // A deployed version never changes: read once.
  return queryOptions({
    queryKey: versionsKeys.diagram(definitionId),
    queryFn: () => apiFetch<ProcessDefinitionDiagramView>(`/process-definitions/${encodeURIComponent(definitionId)}/diagram`),
    staleTime: Infinity,
  });
}
