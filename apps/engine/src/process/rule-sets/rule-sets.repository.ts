// `rule_sets` (written by deployments, in their transaction) and the one-row `rule_set_generation`
// its changes bump: lists, one version, the latest version of keys, and the new versions.
import { Injectable } from '@nestjs/common';
import type { RuleSetKind } from '@stageflow/process-package';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { Paging } from '../../platform/http/input.js';
import type { Queryable } from '../../platform/database/queryable.js';
import { versionPage, type VersionFilter } from '../deployments/version-page.js';
import type { RuleSetRef } from './latest-rule-set-cache.js';
import type { RuleSetRow } from './rule-set.row.js';

const VIEW_COLUMNS = 'id, key, version, name, kind, resource_name, deployment_id, content_hash, created_at';

/** The current generation, whether an actions rule set exists and the latest version of each key, in one statement (one snapshot). */
const LATEST_SQL = `SELECT g.generation::text AS generation, EXISTS (SELECT 1 FROM rule_sets WHERE kind = 'actions') AS actions, r.key, r.id, r.version
  FROM rule_set_generation g
  LEFT JOIN LATERAL (SELECT DISTINCT ON (key) key, id, version FROM rule_sets WHERE key = ANY($1::text[]) ORDER BY key, version DESC) r ON true`;

/** The latest version of a key as a deployment compares it. */
export interface LatestVersionRow {
  id: string;
  version: number;
  name: string | null;
  content_hash: string;
  deployment_id: string;
}

@Injectable()
export class RuleSetsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** By key, newest version first, with the number of all that match; `latest`: only each key's latest version. */
  async page(filter: VersionFilter, paging: Paging): Promise<{ rows: Omit<RuleSetRow, 'content'>[]; total: number }> {
    return versionPage(this.dataSource, 'rule_sets', VIEW_COLUMNS, filter, paging);
  }

  async byId(id: string): Promise<RuleSetRow | undefined> {
    return rowsOf<RuleSetRow>(await this.dataSource.query(`SELECT ${VIEW_COLUMNS}, content FROM rule_sets WHERE id = $1`, [id]))[0];
  }

  /** The latest version of `key` (or that `version`), with the database clock as of the read. */
  async forEvaluation(key: string, version: number | undefined): Promise<(Pick<RuleSetRow, 'id' | 'version' | 'content'> & { now: Date }) | undefined> {
    return rowsOf<Pick<RuleSetRow, 'id' | 'version' | 'content'> & { now: Date }>(
      await this.dataSource.query(
        version === undefined
          ? 'SELECT id, version, content, now() AS now FROM rule_sets WHERE key = $1 ORDER BY version DESC LIMIT 1'
          : 'SELECT id, version, content, now() AS now FROM rule_sets WHERE key = $1 AND version = $2',
        version === undefined ? [key] : [key, version],
      ),
    )[0];
  }

  /** The generation, whether an actions rule set is deployed, and the latest version of each of `keys` (keys without one left out). */
  async latestOf(keys: readonly string[]): Promise<{ generation: number; actionsDeployed: boolean; refs: RuleSetRef[] }> {
    const rows = rowsOf<{ generation: string; actions: boolean; key: string | null; id: string | null; version: number | null }>(
      await this.dataSource.query(LATEST_SQL, [keys]),
    );
    return {
      generation: Number(rows[0]?.generation ?? 0),
      actionsDeployed: rows[0]?.actions ?? false,
      refs: rows.flatMap((row) => (row.key !== null && row.id !== null && row.version !== null ? [{ key: row.key, id: row.id, version: row.version }] : [])),
    };
  }

  async generation(): Promise<number> {
    const rows = rowsOf<{ generation: string }>(await this.dataSource.query('SELECT generation::text AS generation FROM rule_set_generation'));
    return Number(rows[0]?.generation ?? 0);
  }

  /** The documents of these versions. */
  async contents(ids: readonly string[]): Promise<Pick<RuleSetRow, 'id' | 'content'>[]> {
    return rowsOf<Pick<RuleSetRow, 'id' | 'content'>>(await this.dataSource.query('SELECT id, content FROM rule_sets WHERE id = ANY($1::uuid[])', [ids]));
  }

  /** The latest version of every rule set of `kind`. */
  async latestOfKind(kind: RuleSetKind): Promise<Pick<RuleSetRow, 'id' | 'key' | 'version'>[]> {
    return rowsOf<Pick<RuleSetRow, 'id' | 'key' | 'version'>>(
      await this.dataSource.query(`SELECT DISTINCT ON (key) id, key, version FROM rule_sets WHERE kind = $1 ORDER BY key, version DESC`, [kind]),
    );
  }

  /** The kind of the latest version of each of `keys` that is deployed, on `db`. */
  async latestKinds(keys: readonly string[], db: Queryable = this.dataSource): Promise<Map<string, RuleSetKind>> {
    const rows = rowsOf<{ key: string; kind: RuleSetKind }>(
      await db.query('SELECT DISTINCT ON (key) key, kind FROM rule_sets WHERE key = ANY($1::text[]) ORDER BY key, version DESC', [keys]),
    );
    return new Map(rows.map((row) => [row.key, row.kind]));
  }

  /** The latest version of `key`, on the deployment's transaction. */
  async latestVersion(key: string, tx: Queryable): Promise<LatestVersionRow | undefined> {
    return rowsOf<LatestVersionRow>(
      await tx.query('SELECT id, version, name, content_hash, deployment_id FROM rule_sets WHERE key = $1 ORDER BY version DESC LIMIT 1', [key]),
    )[0];
  }

  async insert(row: Omit<RuleSetRow, 'created_at'>, tx: Queryable): Promise<void> {
    await tx.query(
      `INSERT INTO rule_sets (id, key, version, name, kind, resource_name, content, content_hash, deployment_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [row.id, row.key, row.version, row.name, row.kind, row.resource_name, JSON.stringify(row.content), row.content_hash, row.deployment_id],
    );
  }
}
