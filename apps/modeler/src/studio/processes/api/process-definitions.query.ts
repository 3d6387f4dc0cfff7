// GET /process-definitions: every deployed version, newest first per key.
import type { Page, ProcessDefinitionView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { processesKeys } from './processes-keys';

export const processDefinitionsQuery = queryOptions({
  queryKey: processesKeys.definitions(),
  queryFn: () => apiFetch<Page<ProcessDefinitionView>>('/process-definitions?limit=500'),
});
