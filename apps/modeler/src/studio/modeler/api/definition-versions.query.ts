// GET /process-definitions?key=: every deployed version of one process, newest first.
import type { Page, ProcessDefinitionView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { modelerKeys } from './modeler-keys';

export function definitionVersionsQuery(key: string) {
  return queryOptions({
    queryKey: modelerKeys.versions(key),
    queryFn: () => apiFetch<Page<ProcessDefinitionView>>(`/process-definitions?key=${encodeURIComponent(key)}&limit=500`),
  });
}
