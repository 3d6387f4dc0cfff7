// The pipeline board as the record tables hold it: each column's first cards and every column's
// totals, in one statement each. A read model: it reads crm_opportunities (with the organization's
// name, the owner's username and the last stage change from crm_record_history) and writes nothing.
// The caller's visibility is a condition of every statement, on the deal and on its organization
// (a deal's organization the caller may not see shows no name), and the filters are ANDed with it.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import { SqlParams } from '../../platform/database/sql-params.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { visibleTo } from '../records/record-visibility.js';
import type { BoardCursor, BoardFilters } from './board-query.js';

/** Who asks and what they narrowed the board to. */
export interface BoardScope {
  principal: Principal;
  /** The caller's teams as read at the request's start (record-visibility.ts); undefined for one who sees all. */
  teams: readonly string[] | undefined;
  filters: BoardFilters;
}

export interface BoardCardRow {
  id: string;
  name: string;
  value: number | null;
  currency: string | null;
  probability: number | null;
  stage: string;
  outcome: 'won' | 'lost' | null;
  organization_id: string | null;
  organization_name: string | null;
  owner_id: string | null;
  owner_username: string | null;
  team_id: string | null;
  next_contact_at: Date | null;
  expected_decision_date: string | null;
  stage_entered_at: Date;
  days_in_stage: number;
  idle: boolean;
  version: number;
  /** The sort value as the next page's cursor carries it: the next contact as UTC text to the microsecond, or `infinity`. */
  sort_value: string;
}

export interface BoardTotalsRow {
  stage: string;
  currency: string | null;
  count: number;
  valued: number;
  value: number;
  weighted: number;
}

/** Soonest next contact first, none last: the expression of the index crm_opportunities_board_idx. */
const SORT = "COALESCE(r.next_contact_at, 'infinity'::timestamptz)";
const SORT_TEXT = `COALESCE(to_char(r.next_contact_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'infinity')`;

@Injectable()
export class BoardRepository {
  constructor(private readonly dataSource: DataSource) {}

  async now(db: Queryable = this.dataSource): Promise<Date> {
    return rowsOf<{ now: Date }>(await db.query('SELECT now() AS now'))[0]!.now;
  }

  /**
   * For each of `stages`, its first `limit + 1` cards (one more tells whether a next page exists),
   * or with `cursor` (one stage) the cards after it; `idleDays` null: no card is idle.
   */
  async cards(
    scope: BoardScope,
    stages: readonly string[],
    limit: number,
    idleDays: number | null,
    cursor?: BoardCursor,
    db: Queryable = this.dataSource,
  ): Promise<BoardCardRow[]> {
    if (stages.length === 0) return [];
    const sql = new SqlParams();
    const conditions = [`r.stage = s.stage`, ...this.conditions(scope, sql)];
    if (cursor) conditions.push(`(${SORT}, r.id) > (${sql.add(cursor.after)}::timestamptz, ${sql.add(cursor.id)}::uuid)`);
    const stageList = sql.add(stages);
    const organizationVisible = visibleTo(scope.principal, 'read', sql, 'o', scope.teams);
    const idle = idleDays === null ? 'false' : `(r.outcome IS NULL AND entered.at <= now() - make_interval(days => ${sql.add(idleDays)}::int))`;
    return rowsOf<BoardCardRow>(
      await db.query(
        `SELECT r.id, r.name, r.value::float8 AS value, r.currency, r.probability, r.stage, r.outcome,
                r.organization_id, o.name AS organization_name, r.owner_id, owner.username AS owner_username, r.team_id,
                r.next_contact_at, to_char(r.expected_decision_date, 'YYYY-MM-DD') AS expected_decision_date,
                entered.at AS stage_entered_at, floor(extract(epoch FROM now() - entered.at) / 86400)::int AS days_in_stage,
                ${idle} AS idle, r.version, ${SORT_TEXT} AS sort_value
           FROM unnest(${stageList}::text[]) WITH ORDINALITY AS s(stage, n)
           CROSS JOIN LATERAL (
             SELECT r.* FROM crm_opportunities r
              WHERE ${conditions.join(' AND ')}
              ORDER BY ${SORT}, r.id LIMIT ${sql.add(limit + 1)}
           ) r
           LEFT JOIN crm_organizations o ON o.id = r.organization_id AND ${organizationVisible}
           LEFT JOIN users owner ON owner.id = r.owner_id
           CROSS JOIN LATERAL (
             SELECT COALESCE((
               SELECT h.at FROM crm_record_history h
                WHERE h.record_type = 'opportunity' AND h.record_id = r.id AND h.changes @> '[{"field": "stage"}]'::jsonb
                ORDER BY h.id DESC LIMIT 1
             ), r.created_at) AS at
           ) entered
          ORDER BY s.n, ${SORT}, r.id`,
        sql.values,
      ),
    );
  }

  /** Per stage and currency: the deals, those with a value, their value and their value weighted by probability (none: 0). */
  async totals(scope: BoardScope, stages: readonly string[], db: Queryable = this.dataSource): Promise<BoardTotalsRow[]> {
    if (stages.length === 0) return [];
    const sql = new SqlParams();
    const conditions = [`r.stage = ANY(${sql.add(stages)}::text[])`, ...this.conditions(scope, sql)];
    return rowsOf<BoardTotalsRow>(
      await db.query(
        `SELECT r.stage, r.currency, count(*)::int AS count, count(r.value)::int AS valued,
                COALESCE(round(sum(r.value), 2), 0)::float8 AS value,
                COALESCE(round(sum(r.value * COALESCE(r.probability, 0) / 100.0), 2), 0)::float8 AS weighted
           FROM crm_opportunities r
          WHERE ${conditions.join(' AND ')}
          GROUP BY r.stage, r.currency
          ORDER BY r.stage, r.currency NULLS LAST`,
        sql.values,
      ),
    );
  }

  /** The caller's visibility and the filters, on the deal `r`. */
  private conditions(scope: BoardScope, sql: SqlParams): string[] {
    const { principal, teams, filters } = scope;
    const conditions = [visibleTo(principal, 'read', sql, 'r', teams)];
    if (filters.ownerId === null) conditions.push('r.owner_id IS NULL');
    else if (filters.ownerId !== undefined) conditions.push(`r.owner_id = ${sql.add(filters.ownerId)}::uuid`);
    if (filters.teamId !== undefined) {
      const team = sql.add(filters.teamId);
      conditions.push(`(r.team_id = ${team}::uuid OR r.owner_id IN (SELECT m.id FROM users m WHERE m.team_ids @> ARRAY[${team}::uuid]))`);
    }
    if (filters.territory !== undefined) {
      conditions.push(`r.organization_id IN (SELECT t.id FROM crm_organizations t WHERE t.territory = ${sql.add(filters.territory)})`);
    }
    if (filters.productId !== undefined) {
      conditions.push(`EXISTS (SELECT 1 FROM crm_opportunity_products p WHERE p.opportunity_id = r.id AND p.product_id = ${sql.add(filters.productId)}::uuid)`);
    }
    return conditions;
  }
}
