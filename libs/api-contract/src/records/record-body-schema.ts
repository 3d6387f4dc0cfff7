// The JSON Schemas of a record type's bodies, derived from its fields: what a create takes (the
// required fields, no read-only one, nothing unknown), what an update takes (any writable field;
// null clears one that is not required), and what a record looks like in an answer. The engine
// validates bodies with them; the OpenAPI document lists them under the record type's name.
// nullable() adds null to an enum too: a field that is not required may be cleared, and answers hold null.
import { nullable, type JsonSchema } from '../schemas/json-schema.js';
import type { RecordField, RecordTypeDefinition } from './record-field.js';

const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const uuid: JsonSchema = { type: 'string', pattern: UUID_PATTERN };
const short = (maxLength: number): JsonSchema => ({ type: 'string', maxLength });

const address: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: short(50),
    street: short(200),
    city: short(100),
    postalCode: short(20),
    region: short(100),
    country: short(100),
  },
};

/** The schema of one field's value (never null: see `nullable`). */
export function fieldValueSchema(field: RecordField): JsonSchema {
  switch (field.kind) {
    case 'text':
      // A required text must say something: not empty, not only spaces.
      return { type: 'string', maxLength: field.maxLength ?? 200, ...(field.required ? { pattern: '\\S' } : {}) };
    case 'longText':
      return { type: 'string', maxLength: field.maxLength ?? 10_000 };
    case 'enum':
      return { type: 'string', enum: field.values ?? [] };
    case 'catalog':
      return { type: 'string', minLength: 1, maxLength: 100 };
    case 'emails':
      return { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' } };
    case 'phones':
      return { type: 'array', maxItems: 20, items: { type: 'string', minLength: 3, maxLength: 40 } };
    case 'url':
      return { type: 'string', maxLength: field.maxLength ?? 500, pattern: '^https?://\\S+$' };
    case 'integer':
      return { type: 'integer', ...bounds(field) };
    case 'decimal':
      return { type: 'number', ...bounds(field), maximum: field.maximum ?? 1e15 };
    case 'currency':
      return { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' };
    case 'date':
      return { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' };
    case 'datetime':
      return { type: 'string', maxLength: 40, description: 'RFC 3339 instant' };
    case 'boolean':
      return { type: 'boolean' };
    case 'user':
    case 'team':
    case 'record':
    case 'campaign':
      return uuid;
    case 'addresses':
      return { type: 'array', maxItems: 10, items: address };
  }
}

function bounds(field: RecordField): JsonSchema {
  return { ...(field.minimum === undefined ? {} : { minimum: field.minimum }), ...(field.maximum === undefined ? {} : { maximum: field.maximum }) };
}

const custom: JsonSchema = { type: 'object', additionalProperties: true, description: "Custom fields, checked against the record type's deployed schema." };

function described(field: RecordField, schema: JsonSchema): JsonSchema {
  return field.description === undefined ? schema : { ...schema, description: field.description };
}

/** POST /<records>: every writable field, the required ones required, nothing else. */
export function createBodySchema(type: RecordTypeDefinition): JsonSchema {
  const writable = type.fields.filter((field) => !field.readOnly);
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...Object.fromEntries(
        writable.map((field) => [field.name, described(field, field.required ? fieldValueSchema(field) : nullable(fieldValueSchema(field)))]),
      ),
      custom,
    },
    required: writable.filter((field) => field.required).map((field) => field.name),
  };
}

/** PATCH /<records>/{id}: any writable field; null clears a field that is not required. */
export function updateBodySchema(type: RecordTypeDefinition): JsonSchema {
  const writable = type.fields.filter((field) => !field.readOnly && field.name !== 'ownerId' && field.name !== 'teamId');
  return {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      ...Object.fromEntries(
        writable.map((field) => [field.name, described(field, field.required ? fieldValueSchema(field) : nullable(fieldValueSchema(field)))]),
      ),
      custom,
    },
  };
}

/**
 * What a process writes (the CRM's record actions): a create or update body in which the read-only
 * fields (stage, territory, outcome) may be set too — the process is what moves them. An update may
 * give the record an owner (a converted lead's seller); its team stays the one it has.
 */
export function processBodySchema(type: RecordTypeDefinition, body: 'create' | 'update'): JsonSchema {
  const fields = type.fields.filter((field) => body === 'create' || field.name !== 'teamId');
  return {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      ...Object.fromEntries(fields.map((field) => [field.name, field.required ? fieldValueSchema(field) : nullable(fieldValueSchema(field))])),
      custom,
    },
    ...(body === 'create' ? { required: fields.filter((field) => field.required).map((field) => field.name) } : {}),
  };
}

/** A record in an answer: its fields (null when not set), custom fields, ownership and audit columns. */
export function recordSchema(type: RecordTypeDefinition): JsonSchema {
  const fields = type.fields.filter((field) => field.name !== 'ownerId' && field.name !== 'teamId');
  return {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      ...Object.fromEntries(
        fields.map((field) => [field.name, described(field, field.required ? fieldValueSchema(field) : nullable(fieldValueSchema(field)))]),
      ),
      custom: { type: 'object', additionalProperties: true },
      ownerId: nullable(uuid),
      teamId: nullable(uuid),
      version: { type: 'integer' },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
    required: ['id', 'custom', 'ownerId', 'teamId', 'version', 'createdAt', 'updatedAt'],
  };
}
