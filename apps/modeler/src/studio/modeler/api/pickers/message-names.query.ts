// GET /process-definitions/message-names: the messages deployed processes catch or throw, by name.
import type { MessageNameList } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../../app/api/api-fetch';
import { modelerKeys } from '../modeler-keys';
import { readableOrNull } from './readable';

export async function fetchMessageNamePicks(): Promise<string[] | null> {
  const list = await readableOrNull(() => apiFetch<MessageNameList>('/process-definitions/message-names'));
  return list && list.items;
}

export const messageNamePicksQuery = queryOptions({ queryKey: modelerKeys.picker('message-names'), queryFn: fetchMessageNamePicks });
