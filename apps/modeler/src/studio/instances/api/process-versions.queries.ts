// The deployed processes and versions the screens pick from and draw: GET /process-definitions
// (the latest of each key; every version of one key) and the diagram of a version.
import type { Page, ProcessDefinitionDiagramView, ProcessDefinitionView, WaitingInstancesView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { instancesKeys } from './instances-keys';

/** The latest version of every process: the explorer's process filter. */
export const processesQuery = queryOptions({
  queryKey: instancesKeys.processes(),
  queryFn: () => apiFetch<Page<ProcessDefinitionView>>('/process-definitions?latest=true&limit=500'),
});

/** Every version of `key`, newest first. */
export function processVersionsQuery(key: string) {
  return queryOptions({
    queryKey: instancesKeys.versions(key),
    queryFn: () => apiFetch<Page<ProcessDefinitionView>>(`/process-definitions?key=${encodeURIComponent(key)}&limit=500`),
  });
}

/** The diagram of a version as deployed (GET /process-definitions/{id}/diagram); a version never changes, so it is read once. */
export function definitionXmlQuery(definitionId: string) {
  return queryOptions({
    queryKey: instancesKeys.xml(definitionId),
    queryFn: async () => (await apiFetch<ProcessDefinitionDiagramView>(`/process-definitions/${encodeURIComponent(definitionId)}/diagram`)).xml,
    staleTime: Infinity,
  });
}

/** GET /process-definitions/key/{key}/versions/{version}/waiting: the running instances per element now. */
export function waitingInstancesQuery(key: string, version: number) {
  return queryOptions({
    queryKey: instancesKeys.waiting(key, version),
    queryFn: () => apiFetch<WaitingInstancesView>(`/process-definitions/key/${encodeURIComponent(key)}/versions/${version}/waiting`),
  });
}
