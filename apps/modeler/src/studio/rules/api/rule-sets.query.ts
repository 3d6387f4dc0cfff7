// GET /rule-sets?latest=true, GET /rule-sets?key=, GET /rule-sets/{id}.
import type { Page, RuleSetDetailView, RuleSetSummaryView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { rulesKeys } from './rules-keys';

export const latestRuleSetsQuery = queryOptions({
  queryKey: rulesKeys.latest(),
  queryFn: () => apiFetch<Page<RuleSetSummaryView>>('/rule-sets?latest=true&limit=500'),
});

export const ruleSetVersionsQuery = (key: string) =>
  queryOptions({
    queryKey: rulesKeys.versions(key),
    queryFn: () => apiFetch<Page<RuleSetSummaryView>>(`/rule-sets?key=${encodeURIComponent(key)}&limit=500`),
  });

export const ruleSetQuery = (id: string) =>
  queryOptions({
    queryKey: rulesKeys.version(id),
    queryFn: () => apiFetch<RuleSetDetailView>(`/rule-sets/${encodeURIComponent(id)}`),
  });
