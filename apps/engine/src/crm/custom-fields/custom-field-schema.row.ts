// `crm_custom_field_schemas`: the row as PostgreSQL returns it, and its view (GET /custom-fields/{type}).
import type { CustomFieldSchema } from '@stageflow/process-package';

export interface CustomFieldSchemaRow {
  id: string;
  record_type: string;
  version: number;
  name: string | null;
  resource_name: string;
  content: CustomFieldSchema;
  content_hash: string;
  deployment_id: string;
  created_at: Date;
}

/** The schema in force for a record type; every field null when none is deployed (any JSON object is accepted then). */
export interface CustomFieldSchemaView {
  recordType: string;
  id: string | null;
  version: number | null;
  resourceName: string | null;
  deploymentId: string | null;
  createdAt: string | null;
  schema: CustomFieldSchema | null;
}

export function toCustomFieldSchemaView(recordType: string, row: CustomFieldSchemaRow | undefined): CustomFieldSchemaView {
  return {
    recordType,
    id: row?.id ?? null,
    version: row?.version ?? null,
    resourceName: row?.resource_name ?? null,
    deploymentId: row?.deployment_id ?? null,
    createdAt: row?.created_at.toISOString() ?? null,
    schema: row?.content ?? null,
  };
}
