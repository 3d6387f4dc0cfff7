// A list request on a record collection: filters on the type's filterable fields (`?industry=retail`,
// `?ownerId=…`, `?custom.segment=smb`), one sort (`?sort=-createdAt`, sortable fields and custom
// fields), a text search (`?q=`), and cursor paging (`?cursor=` from the previous page, `?limit=`).
// The cursor carries the last row's sort value and id, so a page never repeats or skips a row that
// did not change meanwhile, however deep the list.
import type { RecordField, RecordTypeDefinition } from '@stageflow/api-contract';
import { Invalid } from '../../platform/errors/domain-errors.js';
import type { JsonObject } from '../../platform/http/input.js';
import { escapeLike } from '../../platform/database/like-pattern.js';
import type { SqlParams } from '../../platform/database/sql-params.js';
import { columnOf, sqlTypeOf } from './record-columns.js';
import { searchable } from './record-keys.js';

export const MAX_PAGE = 200;
const DEFAULT_PAGE = 50;
const CUSTOM_FIELD = /^custom\.([A-Za-z][A-Za-z0-9_]{0,62})$/;

export interface RecordListQuery {
  conditions: (sql: SqlParams) => string[];
  /** The ORDER BY expression (without direction) and its direction. */
  sort: { expression: string; descending: boolean; name: string; cast: string };
  cursor: { value: string | number | null; id: string } | undefined;
  limit: number;
}

interface Cursor {
  v: string | number | null;
  id: string;
}

/** `value`: the row's sort value as the list statement selects it (timestamps and dates as text: records.repository.ts). */
export function encodeCursor(value: unknown, id: string): string {
  const v = (value ?? null) as string | number | null;
  return Buffer.from(JSON.stringify({ v, id } satisfies Cursor)).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (typeof cursor.id === 'string' && /^[0-9a-f-]{36}$/i.test(cursor.id) && ['string', 'number'].includes(typeof cursor.v)) return cursor;
    if (typeof cursor.id === 'string' && cursor.v === null) return cursor;
  } catch {
    // refused below
  }
  throw Invalid.field('cursor', 'is not a cursor of this list (take it from the previous page)');
}

function singleValue(query: JsonObject, key: string): string {
  const value = query[key];
  if (typeof value !== 'string') throw Invalid.field(key, 'must be given once');
  return value;
}

/** The filter condition of one field (`value` as given in the query string). */
function fieldCondition(field: RecordField, value: string, sql: SqlParams): string {
  const column = `r.${columnOf(field.name)}`;
  if (value === 'null') return `${column} IS NULL`;
  switch (field.kind) {
    case 'boolean':
      if (value !== 'true' && value !== 'false') throw Invalid.field(field.name, 'must be true, false or null');
      return `${column} = ${value}`;
    case 'user':
    case 'team':
    case 'record':
    case 'campaign':
      if (!/^[0-9a-f-]{36}$/i.test(value)) throw Invalid.field(field.name, 'must be a UUID (or null)');
      return `${column} = ${sql.add(value)}::uuid`;
    case 'enum':
      if (!field.values?.includes(value)) throw Invalid.field(field.name, `must be one of ${field.values?.join(', ')}`);
      return `${column} = ${sql.add(value)}`;
    default:
      return `${column} = ${sql.add(value)}::${sqlTypeOf(field)}`;
  }
}

/** Parses the query string of a list of `type`; unknown parameters are refused, naming them. */
export function parseRecordListQuery(type: RecordTypeDefinition, query: JsonObject): RecordListQuery {
  const filters: ((sql: SqlParams) => string)[] = [];
  let sort: RecordListQuery['sort'] = { expression: 'r.created_at', descending: true, name: 'createdAt', cast: 'timestamptz' };
  let cursor: Cursor | undefined;
  let limit = DEFAULT_PAGE;
  for (const key of Object.keys(query)) {
    const custom = CUSTOM_FIELD.exec(key);
    const field = type.fields.find((candidate) => candidate.name === key);
    if (key === 'sort') sort = parseSort(type, singleValue(query, key));
    else if (key === 'cursor') cursor = decodeCursor(singleValue(query, key));
    else if (key === 'limit') limit = parseLimit(singleValue(query, key));
    else if (key === 'q') {
      const text = searchable(singleValue(query, key));
      if (text.length > 0) filters.push((sql) => `r.search_text LIKE ${sql.add(`%${escapeLike(text)}%`)}`);
    } else if (custom) {
      const value = singleValue(query, key);
      filters.push((sql) => `r.custom ->> ${sql.add(custom[1])} = ${sql.add(value)}`);
    } else if (field?.filter) {
      const value = singleValue(query, key);
      filters.push((sql) => fieldCondition(field, value, sql));
    } else {
      throw Invalid.field(key, `is not a filter of ${type.path} (filters: ${filterNames(type).join(', ')}, custom.<field>, q, sort, cursor, limit)`);
    }
  }
  return { conditions: (sql) => filters.map((filter) => filter(sql)), sort, cursor: cursor && { value: cursor.v, id: cursor.id }, limit };
}

function filterNames(type: RecordTypeDefinition): string[] {
  return type.fields.filter((field) => field.filter).map((field) => field.name);
}

function parseSort(type: RecordTypeDefinition, raw: string): RecordListQuery['sort'] {
  const descending = raw.startsWith('-');
  const name = descending ? raw.slice(1) : raw;
  if (name === 'createdAt' || name === 'updatedAt') return { expression: `r.${columnOf(name)}`, descending, name, cast: 'timestamptz' };
  const custom = CUSTOM_FIELD.exec(name);
  // Custom fields sort as text; a record without the field sorts as the empty text.
  if (custom) return { expression: `COALESCE(r.custom ->> '${custom[1]}', '')`, descending, name, cast: 'text' };
  const field = type.fields.find((candidate) => candidate.name === name && candidate.sort);
  if (!field) {
    const sortable = ['createdAt', 'updatedAt', ...type.fields.filter((candidate) => candidate.sort).map((candidate) => candidate.name), 'custom.<field>'];
    throw Invalid.field('sort', `must be one of ${sortable.join(', ')} (with - for descending)`);
  }
  // Nullable sort fields sort with a stand-in, so the cursor comparison never meets a NULL.
  const column = `r.${columnOf(field.name)}`;
  const standIn = { text: "''", integer: '-1', decimal: '-1', date: "'0001-01-01'::date", datetime: "'0001-01-01T00:00:00Z'::timestamptz", enum: "''" }[
    field.kind as 'text'
  ];
  return { expression: field.required || standIn === undefined ? column : `COALESCE(${column}, ${standIn})`, descending, name, cast: sqlTypeOf(field) };
}

function parseLimit(raw: string): number {
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw Invalid.field('limit', `must be an integer between 1 and ${MAX_PAGE}`);
  return limit;
}
