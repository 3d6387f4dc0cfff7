// `process_definitions` and `event_start_events` (the message and signal start events of each
// version, which correlation looks up by name): written by deployments (in their transaction),
// read by everyone who needs a version, its XML or its graph.
import { Injectable } from '@nestjs/common';
import type { ProcessGraph } from '@stageflow/bpmn-runtime';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import { SqlParams } from '../../platform/database/sql-params.js';
import type { Paging } from '../../platform/http/input.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { INSERT_EVENT_START_EVENTS, type EventStartEventRow } from '../correlation/event-start-events.js';
import type { ProcessDefinitionRow, ProcessDefinitionSummaryRow } from './process-definition.row.js';

/** The deployed message start events (latest version of each key) that the deployment's starts collide with. */
const DEPLOYED_MESSAGE_STARTS_SQL = `SELECT e.name, e.definition_key, e.element_id FROM event_start_events e
  WHERE e.kind = 'message' AND e.name = ANY($1::text[]) AND e.definition_key <> ALL($2::text[])
    AND e.definition_version = (SELECT max(d.version) FROM process_definitions d WHERE d.key = e.definition_key)
  ORDER BY e.definition_key, e.element_id`;

// The deployer: who made the deployment that created the version (null for the engine's start-up deploy).
const SUMMARY_COLUMNS =
  'd.id, d.key, d.version, d.name, d.resource_name, d.deployment_id, d.content_hash, d.created_at, (SELECT dep.deployed_by FROM deployments dep WHERE dep.id = d.deployment_id) AS deployed_by_id';

/** The latest version of a key as a deployment compares it. */
export type LatestDefinitionRow = Pick<ProcessDefinitionRow, 'id' | 'version' | 'name' | 'content_hash' | 'deployment_id'>;

@Injectable()
export class ProcessDefinitionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** By key, newest version first, with the number of all that match; `latest`: only each key's latest version. */
  async page(filter: { key?: string; latest: boolean }, paging: Paging): Promise<{ rows: ProcessDefinitionSummaryRow[]; total: number }> {
    const sql = new SqlParams();
    const where: string[] = [];
    if (filter.key !== undefined) where.push(`d.key = ${sql.add(filter.key)}`);
    if (filter.latest) where.push('d.version = (SELECT max(l.version) FROM process_definitions l WHERE l.key = d.key)');
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const filterValues = [...sql.values];
    const rows = rowsOf<ProcessDefinitionSummaryRow & { total: string }>(
      await this.dataSource.query(
        `SELECT ${SUMMARY_COLUMNS}, count(*) OVER () AS total FROM process_definitions d ${clause}
         ORDER BY d.key ASC, d.version DESC LIMIT ${sql.add(paging.limit)} OFFSET ${sql.add(paging.offset)}`,
        sql.values,
      ),
    );
    const total = rows[0]
      ? Number(rows[0].total)
      : Number(
          rowsOf<{ total: string }>(await this.dataSource.query(`SELECT count(*) AS total FROM process_definitions d ${clause}`, filterValues))[0]?.total ?? 0,
        );
    return { rows: rows.map(({ total: _total, ...row }) => row), total };
  }

  /** The id of the latest version of every key. */
  async latestIds(): Promise<string[]> {
    return rowsOf<{ id: string }>(await this.dataSource.query('SELECT DISTINCT ON (key) id FROM process_definitions ORDER BY key, version DESC')).map(
      (row) => row.id,
    );
  }

  async byId(id: string): Promise<ProcessDefinitionSummaryRow | undefined> {
    return rowsOf<ProcessDefinitionSummaryRow>(await this.dataSource.query(`SELECT ${SUMMARY_COLUMNS} FROM process_definitions d WHERE d.id = $1`, [id]))[0];
  }

  async xml(id: string): Promise<string | undefined> {
    return rowsOf<{ xml: string }>(await this.dataSource.query('SELECT xml FROM process_definitions WHERE id = $1', [id]))[0]?.xml;
  }

  async graph(id: string): Promise<ProcessGraph | undefined> {
    return rowsOf<{ graph: ProcessGraph }>(await this.dataSource.query('SELECT graph FROM process_definitions WHERE id = $1', [id]))[0]?.graph;
  }

  /** The latest version of `key`, on `db` (a deployment's transaction) when given. */
  async latestVersion(key: string, db: Queryable = this.dataSource): Promise<(LatestDefinitionRow & { key: string }) | undefined> {
    return rowsOf<LatestDefinitionRow & { key: string }>(
      await db.query('SELECT id, key, version, name, content_hash, deployment_id FROM process_definitions WHERE key = $1 ORDER BY version DESC LIMIT 1', [key]),
    )[0];
  }

  async insert(row: Omit<ProcessDefinitionRow, 'created_at'>, tx: Queryable): Promise<void> {
    await tx.query(
      `INSERT INTO process_definitions (id, key, version, name, resource_name, xml, graph, content_hash, deployment_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [row.id, row.key, row.version, row.name, row.resource_name, row.xml, JSON.stringify(row.graph), row.content_hash, row.deployment_id],
    );
  }

  /** Registers the message and signal start events of a version. */
  async insertStartEvents(
    definition: Pick<ProcessDefinitionRow, 'id' | 'key' | 'version'>,
    events: readonly EventStartEventRow[],
    tx: Queryable,
  ): Promise<void> {
    if (events.length === 0) return;
    await tx.query(INSERT_EVENT_START_EVENTS, [
      definition.id,
      definition.key,
      definition.version,
      events.map((e) => e.kind),
      events.map((e) => e.name),
      events.map((e) => e.elementId),
    ]);
  }

  /** The message start events named `names` of the latest version of every key but `keys`. */
  async deployedMessageStarts(
    names: readonly string[],
    keys: readonly string[],
    tx: Queryable,
  ): Promise<{ name: string; definition_key: string; element_id: string }[]> {
    return rowsOf<{ name: string; definition_key: string; element_id: string }>(await tx.query(DEPLOYED_MESSAGE_STARTS_SQL, [names, keys]));
  }
}
