// The react-query keys of the record screens: everything about one record sits below
// `record(type, id)`, so a write invalidates the record, its timeline and its parts at once.
import type { RecordTypeName } from '@stageflow/api-contract';

export const recordsKeys = {
  all: ['records'] as const,
  list: (type: RecordTypeName, params: string) => [...recordsKeys.all, type, 'list', params] as const,
  record: (type: RecordTypeName, id: string) => [...recordsKeys.all, type, 'one', id] as const,
  part: (type: RecordTypeName, id: string, part: string, ...rest: string[]) => [...recordsKeys.record(type, id), part, ...rest] as const,
  customFields: (type: RecordTypeName) => [...recordsKeys.all, 'custom-fields', type] as const,
  catalog: (catalog: string) => [...recordsKeys.all, 'catalog', catalog] as const,
  users: () => [...recordsKeys.all, 'users'] as const,
};
