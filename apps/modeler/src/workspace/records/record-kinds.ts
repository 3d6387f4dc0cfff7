// The record types a seller works on in the workspace, and their addresses in the app. Other
// screens (tasks, board, search, notifications) link to a record with `recordHref(type, id)`:
// `/workspace/records/<type>/<id>` with the engine's type name (`lead`), as task and search views
// carry it; the collection's name (`leads`) is read as well.
import { RECORD_TYPES, type RecordTypeDefinition, type RecordTypeName } from '@stageflow/api-contract';

export const WORKSPACE_RECORD_TYPES = ['organization', 'contact', 'lead', 'opportunity'] as const;
export type WorkspaceRecordType = (typeof WORKSPACE_RECORD_TYPES)[number];

/** The workspace type a route's `:type` names (`lead` or `leads`), or undefined. */
export function recordTypeFrom(param: string | undefined): WorkspaceRecordType | undefined {
  return WORKSPACE_RECORD_TYPES.find((type) => type === param || RECORD_TYPES[type].path === param);
}

export function definitionOf(type: RecordTypeName): RecordTypeDefinition {
  return RECORD_TYPES[type];
}

/** The record's page, or the type's list without an id. */
export function recordHref(type: WorkspaceRecordType, id?: string): string {
  return id === undefined ? `/workspace/records/${type}` : `/workspace/records/${type}/${encodeURIComponent(id)}`;
}

/** A record's name as the engine builds it (its title fields joined), e.g. a contact's first and last name. */
export function recordTitle(type: RecordTypeName, record: Record<string, unknown>): string {
  return definitionOf(type)
    .title.map((field) => record[field])
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ');
}
