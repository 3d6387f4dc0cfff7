// GET /rule-sets?latest=true: the rule sets a task may name (business-rule, assignment, exit criteria).
import type { Page, RuleSetSummaryView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../../app/api/api-fetch';
import type { PickedRuleSet } from '../../properties';
import { modelerKeys } from '../modeler-keys';
import { readableOrNull } from './readable';

export async function fetchRuleSetPicks(): Promise<PickedRuleSet[] | null> {
  const page = await readableOrNull(() => apiFetch<Page<RuleSetSummaryView>>('/rule-sets?latest=true&limit=500'));
  return page && page.items.map(({ key, name, kind }) => ({ key, name, kind }));
}

export const ruleSetPicksQuery = queryOptions({ queryKey: modelerKeys.picker('rule-sets'), queryFn: fetchRuleSetPicks });
