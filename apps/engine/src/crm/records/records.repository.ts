// All SQL of the record tables (crm_organizations, crm_contacts, crm_leads, crm_opportunities,
// crm_activities): one repository for the five, driven by each type's fields, since their
// statements differ only in columns. Every read and write carries the caller's visibility
// (record-visibility.ts): a record the caller may not see is, to them, not there.
import { Injectable } from '@nestjs/common';
import type { RecordField, RecordTypeDefinition } from '@stageflow/api-contract';
import { DataSource } from 'typeorm';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import { SqlParams } from '../../platform/database/sql-params.js';
import { columnOf, parameterOf, selectList, sqlTypeOf, type RecordRow } from './record-columns.js';
import type { RecordKeys } from './record-keys.js';
import type { RecordListQuery } from './record-list-query.js';
import { visibleParts, visibleTo, type RecordAccess } from './record-visibility.js';

/** A record's writable content: field values by API name (ownerId and teamId included) and its custom fields. */
export interface RecordContent {
  fields: Record<string, unknown>;
  custom: Record<string, unknown>;
}

/** One hit of the global search: `type_index` is the position of its type in the types searched. */
export interface SearchHitRow {
  type_index: number;
  id: string;
  /** The values of the type's `title` fields, in their order. */
  title_parts: (string | null)[];
  emails: string[] | null;
  phones: string[] | null;
}

export interface DuplicateCandidate {
  id: string;
  row: RecordRow;
  visible: boolean;
  matched: ('emails' | 'phones' | 'legalId')[];
}

function fieldNamed(type: RecordTypeDefinition, name: string): RecordField {
  const field = type.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`${type.name} has no field ${name}`);
  return field;
}

/** A title field's column: text only, as a record's title joins its string values (titleOf). */
function titleColumn(type: RecordTypeDefinition, name: string): string {
  const field = fieldNamed(type, name);
  if (sqlTypeOf(field) !== 'text') throw new Error(`${type.name}'s title field ${name} is not text`);
  return `r.${columnOf(name)}`;
}

/** The type's `emails` or `phones` column, or no list for a type without that field. */
function listColumn(type: RecordTypeDefinition, name: 'emails' | 'phones'): string {
  return type.fields.some((field) => field.name === name) ? `r.${columnOf(name)}` : 'NULL::text[]';
}

@Injectable()
export class RecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(type: RecordTypeDefinition, id: string, content: RecordContent, keys: RecordKeys, db: Queryable = this.dataSource): Promise<RecordRow> {
    const sql = new SqlParams();
    const columns = ['id'];
    const values = [`${sql.add(id)}::uuid`];
    for (const [name, value] of Object.entries(content.fields)) {
      const field = fieldNamed(type, name);
      columns.push(columnOf(name));
      values.push(`${sql.add(parameterOf(field, value))}::${sqlTypeOf(field)}`);
    }
    columns.push('custom', 'search_text', 'email_keys', 'phone_keys', 'legal_id_key');
    values.push(
      `${sql.add(JSON.stringify(content.custom))}::jsonb`,
      sql.add(keys.search_text),
      `${sql.add(keys.email_keys)}::text[]`,
      `${sql.add(keys.phone_keys)}::text[]`,
      sql.add(keys.legal_id_key),
    );
    const rows = rowsOf<RecordRow>(
      await db.query(
        `WITH r AS (INSERT INTO ${type.table} (${columns.join(', ')}) VALUES (${values.join(', ')}) RETURNING *) SELECT ${selectList(type)} FROM r`,
        sql.values,
      ),
    );
    return rows[0]!;
  }

  /** The record if `principal` may see it for `access`; `lock` (in a transaction) holds it until the end. */
  async findVisible(
    type: RecordTypeDefinition,
    principal: Principal,
    access: RecordAccess,
    id: string,
    db: Queryable = this.dataSource,
    lock = false,
  ): Promise<RecordRow | undefined> {
    const sql = new SqlParams();
    const rows = rowsOf<RecordRow>(
      await db.query(
        `SELECT ${selectList(type)} FROM ${type.table} r WHERE r.id = ${sql.add(id)}::uuid AND ${visibleTo(principal, access, sql)}${lock ? ' FOR UPDATE OF r' : ''}`,
        sql.values,
      ),
    );
    return rows[0];
  }

  /** The records of `type` with these ids that `principal` may see (one statement; the task views' records). */
  async findVisibleByIds(type: RecordTypeDefinition, principal: Principal, ids: readonly string[], db: Queryable = this.dataSource): Promise<RecordRow[]> {
    if (ids.length === 0) return [];
    const sql = new SqlParams();
    return rowsOf<RecordRow>(
      await db.query(
        `SELECT ${selectList(type)} FROM ${type.table} r WHERE r.id = ANY(${sql.add(ids)}::uuid[]) AND ${visibleTo(principal, 'read', sql)}`,
        sql.values,
      ),
    );
  }

  /** The record, whoever may see it: for the engine's own reads (a process reading its record), never for a caller. */
  async findById(type: RecordTypeDefinition, id: string, db: Queryable = this.dataSource): Promise<RecordRow | undefined> {
    return rowsOf<RecordRow>(await db.query(`SELECT ${selectList(type)} FROM ${type.table} r WHERE r.id = $1::uuid`, [id]))[0];
  }

  /**
   * The ids of the next `limit` records of `type` after `after` (by id; null: from the first),
   * locked until the transaction ends — a batch of a job that walks every record once.
   */
  async lockBatchAfter(type: RecordTypeDefinition, after: string | null, limit: number, tx: Queryable): Promise<string[]> {
    return rowsOf<{ id: string }>(
      await tx.query(`SELECT r.id FROM ${type.table} r WHERE $1::uuid IS NULL OR r.id > $1::uuid ORDER BY r.id LIMIT $2 FOR UPDATE`, [after, limit]),
    ).map((row) => row.id);
  }

  /** Whether a record of `type` with this id exists and `principal` may see it (a reference to it is allowed). */
  async isVisible(type: RecordTypeDefinition, principal: Principal, id: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await this.findVisible(type, principal, 'read', id, db)) !== undefined;
  }

  /**
   * One page of the records `principal` sees, with the sort value of each row (for the next cursor); `teams`: theirs, when read
   * (record-visibility.ts). When the visibility comes in parts (a seller's own records and their teams' queues), each part is a
   * page of its own — one index walk in sort order that stops after `limit + 1` rows — and the page is the first `limit + 1`
   * of their union, by the same sort: the parts never hold the same row, so nothing repeats, and a row of the page is among
   * the first `limit + 1` of its part, so nothing is skipped.
   */
  async list(
    type: RecordTypeDefinition,
    principal: Principal,
    query: RecordListQuery,
    db: Queryable = this.dataSource,
    teams?: readonly string[],
  ): Promise<(RecordRow & { sort_value: unknown })[]> {
    const sql = new SqlParams();
    const parts = visibleParts(principal, sql, 'r', teams);
    const conditions = query.conditions(sql);
    const { expression, descending, cast } = query.sort;
    if (query.cursor) {
      const comparison = descending ? '<' : '>';
      conditions.push(`(${expression}, r.id) ${comparison} (${sql.add(query.cursor.value)}::${cast}, ${sql.add(query.cursor.id)}::uuid)`);
    }
    const direction = descending ? 'DESC' : 'ASC';
    const limit = sql.add(query.limit + 1);
    const page = (visibility: string): string =>
      `SELECT ${selectList(type)}, ${sortValueAsCursor(expression, cast)} AS sort_value, ${expression} AS sort_key FROM ${type.table} r
          WHERE ${[visibility, ...conditions].join(' AND ')}
          ORDER BY ${expression} ${direction}, r.id ${direction} LIMIT ${limit}`;
    const statement =
      parts.length === 1
        ? page(parts[0]!)
        : `SELECT * FROM (${parts.map((part) => `(${page(part)})`).join(' UNION ALL ')}) p ORDER BY p.sort_key ${direction}, p.id ${direction} LIMIT ${limit}`;
    return rowsOf<RecordRow & { sort_value: unknown }>(await db.query(statement, sql.values));
  }

  /** Writes changed fields (and custom fields) and the new keys, moving the version on; the row as written. */
  async update(type: RecordTypeDefinition, id: string, content: Partial<RecordContent>, keys: RecordKeys, db: Queryable = this.dataSource): Promise<RecordRow> {
    const sql = new SqlParams();
    const sets = Object.entries(content.fields ?? {}).map(([name, value]) => {
      const field = fieldNamed(type, name);
      return `${columnOf(name)} = ${sql.add(parameterOf(field, value))}::${sqlTypeOf(field)}`;
    });
    if (content.custom !== undefined) sets.push(`custom = ${sql.add(JSON.stringify(content.custom))}::jsonb`);
    sets.push(
      `search_text = ${sql.add(keys.search_text)}`,
      `email_keys = ${sql.add(keys.email_keys)}::text[]`,
      `phone_keys = ${sql.add(keys.phone_keys)}::text[]`,
      `legal_id_key = ${sql.add(keys.legal_id_key)}`,
      'version = version + 1',
      'updated_at = now()',
    );
    const rows = rowsOf<RecordRow>(
      await db.query(
        `WITH r AS (UPDATE ${type.table} SET ${sets.join(', ')} WHERE id = ${sql.add(id)}::uuid RETURNING *) SELECT ${selectList(type)} FROM r`,
        sql.values,
      ),
    );
    return rows[0]!;
  }

  async delete(type: RecordTypeDefinition, id: string, db: Queryable = this.dataSource): Promise<void> {
    await db.query(`DELETE FROM ${type.table} WHERE id = $1::uuid`, [id]);
  }

  /** Records of `type` sharing a normalised e-mail, phone or legal id with `keys` (at most 20), each marked visible or not. */
  async duplicates(type: RecordTypeDefinition, principal: Principal, keys: RecordKeys, db: Queryable = this.dataSource): Promise<DuplicateCandidate[]> {
    const sql = new SqlParams();
    const emails = sql.add(keys.email_keys);
    const phones = sql.add(keys.phone_keys);
    const legalId = sql.add(keys.legal_id_key);
    const rows = rowsOf<RecordRow & { visible: boolean; by_email: boolean; by_phone: boolean; by_legal_id: boolean }>(
      await db.query(
        `SELECT ${selectList(type)}, ${visibleTo(principal, 'read', sql)} AS visible,
                r.email_keys && ${emails}::text[] AS by_email, r.phone_keys && ${phones}::text[] AS by_phone,
                COALESCE(r.legal_id_key = ${legalId}::text, false) AS by_legal_id
           FROM ${type.table} r
          WHERE r.email_keys && ${emails}::text[] OR r.phone_keys && ${phones}::text[] OR r.legal_id_key = ${legalId}::text
          ORDER BY r.created_at LIMIT 20`,
        sql.values,
      ),
    );
    return rows.map((row) => ({
      id: row.id,
      row,
      visible: row.visible,
      matched: [...(row.by_email ? ['emails' as const] : []), ...(row.by_phone ? ['phones' as const] : []), ...(row.by_legal_id ? ['legalId' as const] : [])],
    }));
  }

  /**
   * The global search's hits: for each of `types` in turn, its records whose search text contains `text` (or whose phone keys
   * hold `phoneKey`) as `principal` (in `teams`, when read) sees them, the `limit` last changed — each type's page the walk it
   * was on its own, all in one statement: four round trips to PostgreSQL were the largest part of a search request's CPU in
   * the engine (docs/performance.md, "CRM at scale"). A hit carries only what the search answers: its title fields (text),
   * e-mails and phones.
   */
  async searchHits(
    types: readonly RecordTypeDefinition[],
    principal: Principal,
    text: string,
    phoneKey: string | undefined,
    limit: number,
    db: Queryable = this.dataSource,
    teams?: readonly string[],
  ): Promise<SearchHitRow[]> {
    if (types.length === 0) return [];
    const sql = new SqlParams();
    const like = sql.add(`%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`);
    const phone = phoneKey === undefined ? undefined : sql.add(phoneKey);
    const byPhone = phone === undefined ? '' : ` OR r.phone_keys @> ARRAY[${phone}::text]`;
    const max = sql.add(limit);
    const parts = types.map(
      (type, index) =>
        `(SELECT ${index} AS type_index, r.id, ARRAY[${type.title.map((name) => titleColumn(type, name)).join(', ')}]::text[] AS title_parts,
                 ${listColumn(type, 'emails')} AS emails, ${listColumn(type, 'phones')} AS phones, r.updated_at
            FROM ${type.table} r
           WHERE (r.search_text LIKE ${like}${byPhone}) AND ${visibleTo(principal, 'read', sql, 'r', teams)}
           ORDER BY r.updated_at DESC, r.id LIMIT ${max})`,
    );
    return rowsOf<SearchHitRow>(
      await db.query(
        `SELECT h.type_index, h.id, h.title_parts, h.emails, h.phones FROM (${parts.join(' UNION ALL ')}) h ORDER BY h.type_index, h.updated_at DESC, h.id`,
        sql.values,
      ),
    );
  }
}

/**
 * The sort value as the next page's cursor carries it: exactly what the comparison will cast back.
 * A timestamp as a JS Date would keep milliseconds of PostgreSQL's microseconds, and the next page
 * would skip records created later in the same millisecond; a date as a Date would move by the
 * node's time zone. So both leave the database as text.
 */
function sortValueAsCursor(expression: string, cast: string): string {
  if (cast === 'timestamptz') return `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  if (cast === 'date') return `(${expression})::text`;
  return expression;
}
