// `process_instances`, read: lists, one instance, and the row a job locks before it acts on the
// instance. Its writes are the commands' (InstanceStoreRepository, one statement per command).
import { Injectable } from '@nestjs/common';
import type { Variables } from '@stageflow/bpmn-runtime';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import { SqlParams } from '../../platform/database/sql-params.js';
import { cursorTimeSql, type TimeIdCursor } from '../../platform/http/time-id-cursor.js';
import type { Queryable } from '../../platform/database/queryable.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { InstanceVisibility } from '../visibility/instance-visibility.js';
import type { InstanceStatusValue, ProcessInstanceRow, ProcessInstanceSummaryRow } from './process-instance.row.js';
import type { InstanceParameterRef } from '../packages/instance-parameters.js';
import { PARAMETER_REF_COLUMNS, parameterRefOf, type ParameterRefColumns } from '../packages/instance-parameter-ref.js';

const SUMMARY_COLUMNS =
  'i.id, i.definition_id, i.definition_key, i.definition_version, i.business_key, i.status, i.variables, i.active_element_ids, i.created_at, i.updated_at, i.ended_at, i.parent_instance_id, i.parent_call_id';

export interface InstanceRowFilter {
  definitionKey?: string;
  /** A version of `definitionKey` (the caller checks that both are given). */
  version?: number;
  status?: InstanceStatusValue;
  businessKey?: string;
  /** Only instances with (true) or without (false) an open incident, an interpreter's or a job's. */
  hasIncident?: boolean;
  /** Only the instances this caller sees (instance-visibility.ts); absent: the engine's own reads. */
  visibleTo?: Principal;
}

/** A process version's running instances: runningPerDefinition. */
export interface RunningPerDefinitionRow {
  definition_id: string;
  definition_key: string;
  definition_version: number;
  running: number;
  with_incident: number;
}

/**
 * One page: its size, where it starts (an offset, or after a cursor's row) and whether every match
 * is counted too — a count reads every match, so the explorer's pages go without one.
 */
export interface InstancePaging {
  limit: number;
  offset?: number;
  after?: TimeIdCursor;
  count: boolean;
}

@Injectable()
export class ProcessInstancesRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visibility: InstanceVisibility,
  ) {}

  /**
   * Newest first by (created_at, id) — a walk of the list indexes (migration 1765000001100) that
   * stops after a page — and the cursor position of the last row; `total` (a statement of its own,
   * over every match) only when asked.
   */
  async page(
    filter: InstanceRowFilter,
    paging: InstancePaging,
  ): Promise<{ rows: ProcessInstanceSummaryRow[]; total: number | undefined; last: TimeIdCursor | undefined; more: boolean }> {
    const sql = new SqlParams();
    const where: string[] = [];
    if (filter.definitionKey !== undefined && filter.version !== undefined) {
      // One definition row: its id walks (definition_id, created_at, id).
      where.push(
        `i.definition_id = (SELECT d.id FROM process_definitions d WHERE d.key = ${sql.add(filter.definitionKey)}::text AND d.version = ${sql.add(filter.version)}::int)`,
      );
    } else if (filter.definitionKey !== undefined) where.push(`i.definition_key = ${sql.add(filter.definitionKey)}`);
    if (filter.status !== undefined) where.push(`i.status = ${sql.add(filter.status)}`);
    if (filter.businessKey !== undefined) where.push(`i.business_key = ${sql.add(filter.businessKey)}`);
    if (filter.hasIncident !== undefined)
      where.push(`${filter.hasIncident ? '' : 'NOT '}EXISTS (SELECT 1 FROM incidents x WHERE x.process_instance_id = i.id AND x.resolved_at IS NULL)`);
    if (filter.visibleTo !== undefined) where.push(this.visibility.condition(filter.visibleTo, sql));
    const filterCondition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const filterValues = [...sql.values];
    if (paging.after) where.push(`(i.created_at, i.id) < (${sql.add(paging.after.at)}::timestamptz, ${sql.add(paging.after.id)}::uuid)`);
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const offset = !paging.after && paging.offset ? ` OFFSET ${sql.add(paging.offset)}` : '';
    // One row more than the page tells whether another page follows.
    const rows = rowsOf<ProcessInstanceSummaryRow & { cursor_at: string }>(
      await this.dataSource.query(
        `SELECT ${SUMMARY_COLUMNS}, ${cursorTimeSql('i.created_at')} AS cursor_at FROM process_instances i ${condition}
          ORDER BY i.created_at DESC, i.id DESC LIMIT ${sql.add(paging.limit + 1)}${offset}`,
        sql.values,
      ),
    );
    const pageRows = rows.slice(0, paging.limit);
    const total = paging.count
      ? Number(
          rowsOf<{ total: string }>(await this.dataSource.query(`SELECT count(*) AS total FROM process_instances i ${filterCondition}`, filterValues))[0]
            ?.total ?? 0,
        )
      : undefined;
    const lastRow = pageRows.at(-1);
    return {
      rows: pageRows.map(({ cursor_at: _at, ...row }) => row),
      total,
      last: lastRow ? { at: lastRow.cursor_at, id: lastRow.id } : undefined,
      more: rows.length > paging.limit,
    };
  }

  /**
   * The running (active or incident) instances of one version that `visibleTo` (if given) sees,
   * counted per element holding a token of theirs (an instance with two tokens at one element counts
   * once there): one aggregate over the partial index of running instances. Undefined when the
   * process has no such version.
   */
  async waitingAt(
    definitionKey: string,
    version: number,
    visibleTo?: Principal,
  ): Promise<{ element_id: string; instances: number; incidents: number }[] | undefined> {
    const known = rowsOf(await this.dataSource.query('SELECT 1 FROM process_definitions d WHERE d.key = $1 AND d.version = $2', [definitionKey, version]));
    if (known.length === 0) return undefined;
    const sql = new SqlParams();
    const definition = `(SELECT d.id FROM process_definitions d WHERE d.key = ${sql.add(definitionKey)}::text AND d.version = ${sql.add(version)}::int)`;
    const visible = visibleTo ? ` AND ${this.visibility.condition(visibleTo, sql)}` : '';
    return rowsOf<{ element_id: string; instances: number; incidents: number }>(
      await this.dataSource.query(
        `SELECT e.element_id, count(DISTINCT i.id)::int AS instances, count(DISTINCT i.id) FILTER (WHERE i.status = 'incident')::int AS incidents
           FROM process_instances i CROSS JOIN LATERAL unnest(i.active_element_ids) AS e(element_id)
          WHERE i.definition_id = ${definition} AND i.status IN ('active', 'incident')${visible}
          GROUP BY e.element_id ORDER BY e.element_id`,
        sql.values,
      ),
    );
  }

  /**
   * Per process version, its running (`active`, `incident`) instances that `visibleTo` sees, and how
   * many of them have an open incident (an interpreter's or a job's): one aggregate over the partial
   * index of running instances. Versions without a running instance are left out.
   */
  async runningPerDefinition(visibleTo?: Principal): Promise<RunningPerDefinitionRow[]> {
    const sql = new SqlParams();
    const visible = visibleTo ? ` AND ${this.visibility.condition(visibleTo, sql)}` : '';
    return rowsOf<RunningPerDefinitionRow>(
      await this.dataSource.query(
        `SELECT i.definition_id, i.definition_key, i.definition_version, count(*)::int AS running,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM incidents x WHERE x.process_instance_id = i.id AND x.resolved_at IS NULL))::int AS with_incident
           FROM process_instances i
          WHERE i.status IN ('active', 'incident')${visible}
          GROUP BY i.definition_id, i.definition_key, i.definition_version
          ORDER BY i.definition_key, i.definition_version DESC`,
        sql.values,
      ),
    );
  }

  /** The business keys of these instances (those that have one), by instance id: the task views' records. */
  async businessKeysOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = rowsOf<{ id: string; business_key: string }>(
      await this.dataSource.query(`SELECT i.id, i.business_key FROM process_instances i WHERE i.id = ANY($1::uuid[]) AND i.business_key IS NOT NULL`, [ids]),
    );
    return new Map(rows.map((row) => [row.id, row.business_key]));
  }

  /** The instance, when it exists and `visibleTo` (if given) sees it. */
  async byId(id: string, visibleTo?: Principal): Promise<Omit<ProcessInstanceRow, 'version' | 'started_by'> | undefined> {
    const sql = new SqlParams();
    const condition = `i.id = ${sql.add(id)}${visibleTo ? ` AND ${this.visibility.condition(visibleTo, sql)}` : ''}`;
    return rowsOf<Omit<ProcessInstanceRow, 'version' | 'started_by'>>(
      await this.dataSource.query(`SELECT ${SUMMARY_COLUMNS}, i.state FROM process_instances i WHERE ${condition}`, sql.values),
    )[0];
  }

  /** Whether the instance exists and `visibleTo` (if given) sees it. */
  async exists(id: string, visibleTo?: Principal): Promise<boolean> {
    const sql = new SqlParams();
    const condition = `i.id = ${sql.add(id)}${visibleTo ? ` AND ${this.visibility.condition(visibleTo, sql)}` : ''}`;
    return rowsOf(await this.dataSource.query(`SELECT 1 FROM process_instances i WHERE ${condition}`, sql.values)).length > 0;
  }

  /** Whether `principal` sees the record `businessKey` names (the CRM's rule, through its port). */
  async seesRecord(principal: Principal, businessKey: string): Promise<boolean> {
    const sql = new SqlParams();
    const key = sql.add(businessKey);
    const rows = rowsOf<{ visible: boolean }>(
      await this.dataSource.query(`SELECT ${key}::text IN (${this.visibility.recordKeys(principal, sql)}) AS visible`, sql.values),
    );
    return rows[0]?.visible === true;
  }

  /**
   * The instance's status and variables, its row locked FOR SHARE until `tx` ends: the instance
   * cannot end while the caller writes on its behalf.
   */
  async lockForShare(
    id: string,
    tx: Queryable,
  ): Promise<{ status: InstanceStatusValue; variables: Variables | null; parameters: InstanceParameterRef | null } | undefined> {
    const row = rowsOf<{ status: InstanceStatusValue; variables: Variables | null } & ParameterRefColumns>(
      await tx.query(`SELECT i.status, i.state->'variables' AS variables, ${PARAMETER_REF_COLUMNS} FROM process_instances i WHERE i.id = $1 FOR SHARE OF i`, [
        id,
      ]),
    )[0];
    return row && { status: row.status, variables: row.variables, parameters: parameterRefOf(row) };
  }

  /**
   * The running (active or incident) instances of package `packageName` whose process — key and
   * content — is none of `keptDefinitionIds`' (what a package rollback would leave behind), oldest
   * first, at most `limit`.
   */
  async runningOutside(
    packageName: string,
    keptDefinitionIds: readonly string[],
    limit: number,
    db: Queryable = this.dataSource,
  ): Promise<{ id: string; definition_key: string; definition_version: number }[]> {
    return rowsOf<{ id: string; definition_key: string; definition_version: number }>(
      await db.query(
        `SELECT i.id, i.definition_key, i.definition_version FROM process_instances i JOIN process_definitions d ON d.id = i.definition_id
          WHERE i.package_name = $1 AND i.status IN ('active', 'incident')
            AND NOT EXISTS (SELECT 1 FROM process_definitions k WHERE k.id = ANY($2::uuid[]) AND k.key = d.key AND k.content_hash = d.content_hash)
          ORDER BY i.created_at, i.id LIMIT $3`,
        [packageName, keptDefinitionIds, limit],
      ),
    );
  }

  /** The instance's status and variables, with the database clock as of the read. */
  async variablesNow(
    id: string,
  ): Promise<{ status: InstanceStatusValue; variables: Variables; now: Date; parameters: InstanceParameterRef | null } | undefined> {
    const row = rowsOf<{ status: InstanceStatusValue; variables: Variables; now: Date } & ParameterRefColumns>(
      await this.dataSource.query(`SELECT i.status, i.variables, now() AS now, ${PARAMETER_REF_COLUMNS} FROM process_instances i WHERE i.id = $1`, [id]),
    )[0];
    return row && { status: row.status, variables: row.variables, now: row.now, parameters: parameterRefOf(row) };
  }

  /** The instance-scope variables (of an ended child: what completeCalledProcess hands to the parent's output mappings). */
  async variablesOf(id: string): Promise<Variables | undefined> {
    return rowsOf<Pick<ProcessInstanceRow, 'variables'>>(await this.dataSource.query('SELECT variables FROM process_instances WHERE id = $1', [id]))[0]
      ?.variables;
  }

  /** The parent link of an instance, when a call activity started it. */
  async parentOf(id: string): Promise<{ parentInstanceId: string; callId: string } | undefined> {
    const row = rowsOf<Pick<ProcessInstanceRow, 'parent_instance_id' | 'parent_call_id'>>(
      await this.dataSource.query('SELECT parent_instance_id, parent_call_id FROM process_instances WHERE id = $1', [id]),
    )[0];
    return row?.parent_instance_id && row.parent_call_id ? { parentInstanceId: row.parent_instance_id, callId: row.parent_call_id } : undefined;
  }

  /**
   * Personal data: the instances whose variables hold text matching `pattern` (a PostgreSQL regular
   * expression, case-insensitive) or whose business key is one of `businessKeys`, oldest first.
   */
  async holding(pattern: string, businessKeys: readonly string[], db: Queryable = this.dataSource): Promise<ProcessInstanceSummaryRow[]> {
    return rowsOf<ProcessInstanceSummaryRow>(
      await db.query(
        `SELECT ${SUMMARY_COLUMNS} FROM process_instances i
          WHERE i.variables::text ~* $1 OR i.state::text ~* $1 OR i.business_key = ANY($2::text[])
          ORDER BY i.created_at, i.id`,
        [pattern, businessKeys],
      ),
    );
  }

  /** Personal data: replaces every text matching `pattern` in the variables and state of these instances with `replacement`. */
  async scrub(ids: readonly string[], pattern: string, replacement: string, tx: Queryable): Promise<void> {
    await tx.query(
      `UPDATE process_instances SET variables = regexp_replace(variables::text, $2, $3, 'gi')::jsonb, state = regexp_replace(state::text, $2, $3, 'gi')::jsonb
        WHERE id = ANY($1::uuid[]) AND (variables::text ~* $2 OR state::text ~* $2)`,
      [ids, pattern, replacement],
    );
  }
}
