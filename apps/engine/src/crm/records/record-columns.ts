// How a record type's fields live in its table: the column of each field (its name in
// snake_case), the SQL type a value is cast to, the select list (dates as text, so no time zone
// shifts them), and the row -> view mapper. One mapper for all record types, driven by the fields.
import type { RecordView as ContractRecordView, RecordField, RecordFieldKind, RecordTypeDefinition } from '@stageflow/api-contract';

export type RecordRow = Record<string, unknown> & { id: string; version: number; created_at: Date; updated_at: Date };

/** A record in an answer: the API contract's view (its fields by name, ownership, audit columns). */
export type RecordView = ContractRecordView;

export function columnOf(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

const SQL_TYPES: Record<RecordFieldKind, string> = {
  text: 'text',
  longText: 'text',
  enum: 'text',
  catalog: 'text',
  emails: 'text[]',
  phones: 'text[]',
  url: 'text',
  integer: 'integer',
  decimal: 'numeric',
  currency: 'text',
  date: 'date',
  datetime: 'timestamptz',
  boolean: 'boolean',
  user: 'uuid',
  team: 'uuid',
  record: 'uuid',
  campaign: 'uuid',
  addresses: 'jsonb',
};

export function sqlTypeOf(field: RecordField): string {
  return SQL_TYPES[field.kind];
}

/** The value of a field as a statement parameter. */
export function parameterOf(field: RecordField, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return field.kind === 'addresses' ? JSON.stringify(value) : value;
}

function selected(field: RecordField): string {
  const column = columnOf(field.name);
  if (field.kind === 'date') return `to_char(r.${column}, 'YYYY-MM-DD') AS ${column}`;
  if (field.kind === 'decimal') return `r.${column}::float8 AS ${column}`;
  return `r.${column}`;
}

/** The columns a record is read with, its table aliased `r`. */
export function selectList(type: RecordTypeDefinition): string {
  const fields = type.fields.filter((field) => field.name !== 'ownerId' && field.name !== 'teamId');
  return ['r.id', ...fields.map(selected), 'r.owner_id', 'r.team_id', 'r.custom', 'r.version', 'r.created_at', 'r.updated_at'].join(', ');
}

/**
 * Each field of the type but ownerId and teamId (read from their own columns) with its column, worked out once per
 * type: a list page maps 50 rows of 10-20 fields, and a regular expression per field and row was a tenth of a
 * manager's list request in the engine (docs/performance.md, "CRM at scale").
 */
const viewColumns = new WeakMap<RecordTypeDefinition, readonly (readonly [name: string, column: string])[]>();

function viewColumnsOf(type: RecordTypeDefinition): readonly (readonly [name: string, column: string])[] {
  let columns = viewColumns.get(type);
  if (!columns) {
    columns = type.fields.filter((field) => field.name !== 'ownerId' && field.name !== 'teamId').map((field) => [field.name, columnOf(field.name)] as const);
    viewColumns.set(type, columns);
  }
  return columns;
}

export function toRecordView(type: RecordTypeDefinition, row: RecordRow): RecordView {
  const view: RecordView = {
    id: row.id,
    custom: (row.custom as Record<string, unknown> | null) ?? {},
    ownerId: (row.owner_id as string | null) ?? null,
    teamId: (row.team_id as string | null) ?? null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  for (const [name, column] of viewColumnsOf(type)) {
    const value = row[column];
    view[name] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return view;
}

/** The text that names a record (its title fields joined). */
export function titleOf(type: RecordTypeDefinition, record: Record<string, unknown>): string {
  return type.title
    .map((name) => record[name])
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join(' ');
}
