// GET /forms: the task forms a user task may name (stageflow:formKey).
import type { ItemList, TaskFormSummaryView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../../app/api/api-fetch';
import type { PickedKey } from '../../properties';
import { modelerKeys } from '../modeler-keys';
import { readableOrNull } from './readable';

export async function fetchFormPicks(): Promise<PickedKey[] | null> {
  const list = await readableOrNull(() => apiFetch<ItemList<TaskFormSummaryView>>('/forms'));
  return list && list.items.map(({ key, name }) => ({ key, name }));
}

export const formPicksQuery = queryOptions({ queryKey: modelerKeys.picker('forms'), queryFn: fetchFormPicks });
