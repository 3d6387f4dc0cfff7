// A CRM record as answers carry it, for the contracts of answers that hold records (the agenda):
// its fields are data (records/record-types.ts), so its schema is derived from them
// (`recordSchema`) rather than written beside a type, and its type is open — the fields by name.
import { recordSchema } from '../records/record-body-schema.js';
import type { RecordTypeDefinition } from '../records/record-field.js';
import { apiSchemaId, type JsonSchema, type NamedSchema } from '../schemas/json-schema.js';

/** A record in an answer: its type's fields by name (null when not set), custom fields, ownership and audit columns. */
export interface RecordView {
  id: string;
  [field: string]: unknown;
  custom: Record<string, unknown>;
  ownerId: string | null;
  teamId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * The named schema of a record of `type` in an answer, with `extra` properties. Every property is
 * required: an answer carries each field of its type, null when it is not set.
 */
export function recordViewSchema<T extends RecordView>(name: string, type: RecordTypeDefinition, extra: Record<string, JsonSchema> = {}): NamedSchema<T> {
  const properties = { ...recordSchema(type).properties, ...extra };
  return { $id: apiSchemaId(name), type: 'object', properties, required: Object.keys(properties) } as NamedSchema<T>;
}
