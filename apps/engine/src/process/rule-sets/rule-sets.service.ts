import { Injectable } from '@nestjs/common';
import type { JsonValue, RuleSet, RuleSetKind } from '@stageflow/process-package';
import { decisionValue, ReferenceEvaluator, variablesFactResolver, type RuleSetEvaluation } from '@stageflow/rules';
import { DataSource } from 'typeorm';
import { NotFound } from '../../platform/errors/domain-errors.js';
import type { Page, Paging } from '../../platform/http/input.js';

export interface RuleSetView {
  id: string;
  key: string;
  version: number;
  name: string | null;
  kind: RuleSetKind;
  resourceName: string;
  deploymentId: string;
  contentHash: string;
  createdAt: string;
}

export interface RuleSetDetail extends RuleSetView {
  content: RuleSet;
}

/** A dry run: the value a business-rule task would write, and why (every rule, every condition). */
export interface RuleSetDryRun extends RuleSetEvaluation {
  ruleSet: { id: string; key: string; version: number };
  /** The value a business-rule task writes: the one result (or null) for `first`, the list for `all`. */
  result: JsonValue;
  /** The instant the rules saw as `$now`: the database clock. */
  evaluatedAt: string;
}

interface RuleSetRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  kind: RuleSetKind;
  resource_name: string;
  deployment_id: string;
  content_hash: string;
  created_at: Date;
}

const VIEW_COLUMNS = 'id, key, version, name, kind, resource_name, deployment_id, content_hash, created_at';

/** Deployed rule sets (stored by DeploymentsService): listed, read and evaluated as a dry run. */
@Injectable()
export class RuleSetsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: { key?: string; latest: boolean }, paging: Paging): Promise<Page<RuleSetView>> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.key !== undefined) {
      values.push(filter.key);
      where.push(`r.key = $${values.length}`);
    }
    if (filter.latest) where.push('r.version = (SELECT max(l.version) FROM rule_sets l WHERE l.key = r.key)');
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows: (RuleSetRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS}, count(*) OVER () AS total FROM rule_sets r ${clause}
       ORDER BY r.key, r.version DESC OFFSET $${values.length + 1} LIMIT $${values.length + 2}`,
      [...values, paging.offset, paging.limit],
    );
    const total = rows[0] ? Number(rows[0].total) : await this.count(clause, values);
    return { items: rows.map(toView), total, offset: paging.offset, limit: paging.limit };
  }

  async get(id: string): Promise<RuleSetDetail> {
    const rows: (RuleSetRow & { content: RuleSet })[] = await this.dataSource.query(`SELECT ${VIEW_COLUMNS}, content FROM rule_sets WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row) throw new NotFound(`rule set ${id} not found`);
    return { ...toView(row), content: row.content };
  }

  /**
   * Evaluates the latest version of `key` (or `version`) on `facts` with json-rules-engine, the
   * reference semantics, explaining every rule. `$now` is the database clock.
   */
  async evaluate(key: string, facts: { [name: string]: JsonValue }, version: number | undefined): Promise<RuleSetDryRun> {
    const rows: { id: string; version: number; content: RuleSet; now: Date }[] = await this.dataSource.query(
      version === undefined
        ? 'SELECT id, version, content, now() AS now FROM rule_sets WHERE key = $1 ORDER BY version DESC LIMIT 1'
        : 'SELECT id, version, content, now() AS now FROM rule_sets WHERE key = $1 AND version = $2',
      version === undefined ? [key] : [key, version],
    );
    const row = rows[0];
    if (!row) throw new NotFound(version === undefined ? `no rule set with key "${key}"` : `rule set "${key}" has no version ${version}`);
    const evaluation = await new ReferenceEvaluator(row.content).evaluate(variablesFactResolver(facts), row.now);
    return {
      ruleSet: { id: row.id, key, version: row.version },
      result: decisionValue(row.content, evaluation),
      evaluatedAt: row.now.toISOString(),
      ...evaluation,
    };
  }

  private async count(clause: string, values: unknown[]): Promise<number> {
    const rows: { count: string }[] = await this.dataSource.query(`SELECT count(*) FROM rule_sets r ${clause}`, values);
    return Number(rows[0]?.count ?? 0);
  }
}

function toView(row: RuleSetRow): RuleSetView {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    kind: row.kind,
    resourceName: row.resource_name,
    deploymentId: row.deployment_id,
    contentHash: row.content_hash,
    createdAt: row.created_at.toISOString(),
  };
}
