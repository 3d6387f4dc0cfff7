// GET /process-definitions?latest=true: the processes to filter the task list by (any user reads them).
import type { Page, ProcessDefinitionView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { taskKeys } from './tasks-keys';

export function processesQuery() {
  return queryOptions({
    queryKey: taskKeys.processes(),
    queryFn: async () =>
      (await apiFetch<Page<ProcessDefinitionView>>('/process-definitions?latest=true&limit=500')).items.map((definition) => ({
        value: definition.key,
        label: definition.name ?? definition.key,
      })),
    staleTime: 5 * 60_000,
  });
}
