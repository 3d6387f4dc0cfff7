// The board's reads and writes: GET /board (all columns' first cards and totals), GET /board/cards
// (a column's next cards), POST /opportunities/{id}/stage (the move, which the process decides),
// PATCH /opportunities/{id} (a field a refusal asks for, the reason before Won or Lost), and what the
// filters and the closing dialog choose from (users, teams, territories, products, lost reasons,
// the opportunity's custom fields for the win reasons).
import type { BoardCardPageView, BoardView, ItemList, RecordView, TeamView, TerritoryView, UserView } from '@stageflow/api-contract';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import { customFieldChoices } from '../../records/fields/custom-field-choices';
import type { CustomFieldShape } from '../../records/fields/custom-field-text';

/** The board is read again this often, so moves by other users show without a reload (docs/workspace.md). */
export const BOARD_REFRESH_MS = 15_000;

export interface BoardFilterValues {
  ownerId?: string;
  teamId?: string;
  territory?: string;
  productId?: string;
}

/** The filters' names, as they live in the address (so a filtered board can be shared and survives a reload). */
export const FILTER_NAMES = ['ownerId', 'teamId', 'territory', 'productId'] as const;

export function filtersFrom(params: URLSearchParams): BoardFilterValues {
  const filters: BoardFilterValues = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

export const boardKeys = {
  all: ['board'] as const,
  board: (filters: BoardFilterValues) => ['board', 'columns', filters] as const,
  more: (filters: BoardFilterValues, stage: string) => ['board', 'more', filters, stage] as const,
  choices: (what: string) => ['board-choices', what] as const,
};

function filterQuery(filters: BoardFilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function boardQuery(filters: BoardFilterValues, live: boolean) {
  return queryOptions({
    queryKey: boardKeys.board(filters),
    queryFn: () => apiFetch<BoardView>(`/board${filterQuery(filters)}`),
    refetchInterval: live ? BOARD_REFRESH_MS : false,
    staleTime: 5_000,
  });
}

/** A column's cards after its first page, a page at a time from the column's `nextCursor`. */
export function moreCardsQuery(filters: BoardFilterValues, stage: string, firstCursor: string) {
  return infiniteQueryOptions({
    queryKey: boardKeys.more(filters, stage),
    queryFn: ({ pageParam }) => apiFetch<BoardCardPageView>(`/board/cards${filterQuery(filters, { stage, cursor: pageParam })}`),
    initialPageParam: firstCursor,
    getNextPageParam: (page: BoardCardPageView) => page.nextCursor ?? undefined,
  });
}

export function moveStage(id: string, stage: string, reason?: string): Promise<{ opportunity: RecordView }> {
  return apiFetch(`/opportunities/${encodeURIComponent(id)}/stage`, { json: reason === undefined ? { stage } : { stage, reason } });
}

export function readOpportunity(id: string): Promise<RecordView> {
  return apiFetch<RecordView>(`/opportunities/${encodeURIComponent(id)}`);
}

export function patchOpportunity(id: string, fields: Record<string, unknown>): Promise<RecordView> {
  return apiFetch<RecordView>(`/opportunities/${encodeURIComponent(id)}`, { method: 'PATCH', json: fields });
}

/** The deal's process: its open tasks, to link a refusal's task to the task's page. */
export function opportunityProcessQuery(id: string) {
  return queryOptions({
    queryKey: ['board-deal-process', id] as const,
    queryFn: () => apiFetch<{ openTasks: { id: string; elementId: string; name: string | null }[] }>(`/opportunities/${encodeURIComponent(id)}/process`),
  });
}

export interface CatalogValue {
  key: string;
  label: string;
  retired: boolean;
}

export const lostReasonsQuery = queryOptions({
  queryKey: boardKeys.choices('lost-reasons'),
  queryFn: () => apiFetch<ItemList<CatalogValue>>('/catalogs/lost-reasons'),
  staleTime: 300_000,
});

/** The win reasons: the choices of the opportunity's custom field `winReason` (by their titles), when its schema declares some. */
export const winReasonsQuery = queryOptions({
  queryKey: boardKeys.choices('win-reasons'),
  queryFn: async (): Promise<{ value: string; label: string }[]> => {
    const view = await apiFetch<{ schema: { properties?: Record<string, CustomFieldShape> } | null }>('/custom-fields/opportunity');
    // A win reason is text (the exit criteria compare it as such): a number among the choices is left out.
    return customFieldChoices(view.schema?.properties?.winReason).flatMap(({ value, label }) => (typeof value === 'string' ? [{ value, label }] : []));
  },
  staleTime: 300_000,
});

export const usersQuery = queryOptions({ queryKey: boardKeys.choices('users'), queryFn: () => apiFetch<ItemList<UserView>>('/users'), staleTime: 60_000 });
export const teamsQuery = queryOptions({ queryKey: boardKeys.choices('teams'), queryFn: () => apiFetch<ItemList<TeamView>>('/teams'), staleTime: 60_000 });
export const territoriesQuery = queryOptions({
  queryKey: boardKeys.choices('territories'),
  queryFn: () => apiFetch<ItemList<TerritoryView>>('/territories'),
  staleTime: 60_000,
});
export const productsQuery = queryOptions({
  queryKey: boardKeys.choices('products'),
  queryFn: () => apiFetch<{ items: { id: string; name: string; code: string }[] }>('/products?active=true&limit=200'),
  staleTime: 60_000,
});
