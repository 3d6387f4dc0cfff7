// The list's filters and sort as the address holds them (`?q=acme&status=new&sort=-createdAt`), so
// a filtered list can be bookmarked and shared; the same parameters go to the engine's list API.
import type { RecordField } from '@stageflow/api-contract';
import { definitionOf, type WorkspaceRecordType } from '../record-kinds';

export interface SortOption {
  value: string;
  field: string;
  descending: boolean;
}

/** Enum and catalog fields the engine filters by: one choice each in the filter bar. */
export function choiceFilters(type: WorkspaceRecordType): RecordField[] {
  return definitionOf(type).fields.filter((field) => field.filter && (field.kind === 'enum' || field.kind === 'catalog'));
}

/** Newest and oldest first, then each sortable field both ways. */
export function sortOptions(type: WorkspaceRecordType): SortOption[] {
  const names = [
    'createdAt',
    'updatedAt',
    ...definitionOf(type)
      .fields.filter((field) => field.sort)
      .map((field) => field.name),
  ];
  return names.flatMap((field) => [
    { value: `-${field}`, field, descending: true },
    { value: field, field, descending: false },
  ]);
}

/** The engine's list query: the known parameters of the address, empty ones left out. */
export function listQueryOf(type: WorkspaceRecordType, search: URLSearchParams, me: string): URLSearchParams {
  const query = new URLSearchParams();
  const q = search.get('q')?.trim();
  if (q) query.set('q', q);
  for (const field of choiceFilters(type)) {
    const value = search.get(field.name);
    if (value) query.set(field.name, value);
  }
  if (search.get('mine') === '1') query.set('ownerId', me);
  const sort = search.get('sort');
  if (sort && sortOptions(type).some((option) => option.value === sort)) query.set('sort', sort);
  return query;
}
