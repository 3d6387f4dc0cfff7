// GET /custom-fields/{type}: the JSON Schema of the type's custom fields in force (null: none deployed).
import type { RJSFSchema } from '@rjsf/utils';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api/api-fetch';
import type { WorkspaceRecordType } from '../record-kinds';
import { recordsKeys } from './records-keys';

export interface CustomFieldSchemaView {
  recordType: string;
  version: number | null;
  schema: (RJSFSchema & { properties?: Record<string, RJSFSchema> }) | null;
}

export function customFieldsQuery(type: WorkspaceRecordType) {
  return queryOptions({
    queryKey: recordsKeys.customFields(type),
    queryFn: () => apiFetch<CustomFieldSchemaView>(`/custom-fields/${encodeURIComponent(type)}`),
    staleTime: 5 * 60_000,
  });
}
