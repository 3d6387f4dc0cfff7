// GET /action-templates?latest=true: the action templates a service or send task may run.
import type { ActionTemplateSummaryView, Page } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../../app/api/api-fetch';
import type { PickedKey } from '../../properties';
import { modelerKeys } from '../modeler-keys';
import { readableOrNull } from './readable';

export async function fetchActionTemplatePicks(): Promise<PickedKey[] | null> {
  const page = await readableOrNull(() => apiFetch<Page<ActionTemplateSummaryView>>('/action-templates?latest=true&limit=500'));
  return page && page.items.map(({ key, name }) => ({ key, name }));
}

export const actionTemplatePicksQuery = queryOptions({ queryKey: modelerKeys.picker('action-templates'), queryFn: fetchActionTemplatePicks });
