// GET /process-definitions/statistics: per version, the running instances and those with an open incident.
import type { ProcessDefinitionStatisticsList } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { processesKeys } from './processes-keys';

export const definitionStatisticsQuery = queryOptions({
  queryKey: processesKeys.statistics(),
  queryFn: () => apiFetch<ProcessDefinitionStatisticsList>('/process-definitions/statistics'),
});
