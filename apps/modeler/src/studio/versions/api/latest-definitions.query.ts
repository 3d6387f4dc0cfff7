// GET /process-definitions?latest=true: one row per process (its latest version), for the process picker.
import type { Page, ProcessDefinitionView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { versionsKeys } from './versions-keys';

export const latestDefinitionsQuery = queryOptions({
  queryKey: versionsKeys.processes(),
  queryFn: () => apiFetch<Page<ProcessDefinitionView>>('/process-definitions?latest=true&limit=500'),
});
