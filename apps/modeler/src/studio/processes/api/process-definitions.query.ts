// GET /process-definitions: every deployed version of every process, read page by page (500 a page).
import type { Page, ProcessDefinitionView } from '@stageflow/api-contract';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { processesKeys } from './processes-keys';

const PAGE_SIZE = 500;

export async function fetchAllProcessDefinitions(): Promise<ProcessDefinitionView[]> {
  const all: ProcessDefinitionView[] = [];
  for (;;) {
    const page = await apiFetch<Page<ProcessDefinitionView>>(`/process-definitions?limit=${PAGE_SIZE}&offset=${all.length}`);
    all.push(...page.items);
    if (page.items.length === 0 || all.length >= page.total) return all;
  }
}

export const processDefinitionsQuery = queryOptions({ queryKey: processesKeys.definitions(), queryFn: fetchAllProcessDefinitions });
