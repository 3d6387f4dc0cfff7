// The CRM part of a record's timeline, read only: one UNION ALL over the tables of crm/ that hold
// what happened to the record — `crm_record_history` (records/), `crm_activities` (records/; only
// the activities the caller sees) and `crm_comments` (comments/) — with a common sort key. The
// timeline writes no table; each table stays its owner's (docs/crm.md, "Timeline"). Also the names
// behind the ids of a page's field changes: users, teams and campaigns in one statement.
import { Injectable } from '@nestjs/common';
import type { RecordTypeDefinition } from '@stageflow/api-contract';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import { SqlParams } from '../../platform/database/sql-params.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import { recordColumnOf } from '../records/record-scope.js';
import { visibleTo } from '../records/record-visibility.js';
import type { TimelinePosition, TimelineRow } from './timeline.row.js';

const MICROS = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

@Injectable()
export class TimelineRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first by (sort_at, sort_key), only those before `before`; at most `limit`. */
  async ofRecord(
    type: RecordTypeDefinition,
    recordId: string,
    principal: Principal,
    before: TimelinePosition | undefined,
    limit: number,
  ): Promise<TimelineRow[]> {
    const sql = new SqlParams();
    const typeName = sql.add(type.name);
    const id = sql.add(recordId);
    const parts = [
      // One entry per changed field of each write (a write changes several fields at once).
      `SELECT 'history' AS kind, h.at, h.actor_id, h.actor_name,
              jsonb_build_object('id', h.id::text, 'source', h.source, 'sourceName', h.source_name, 'reason', h.reason, 'change', c.change) AS details,
              to_char(h.at AT TIME ZONE 'UTC', ${MICROS}) AS sort_at,
              'history:' || lpad(h.id::text, 19, '0') || ':' || lpad(c.n::text, 4, '0') AS sort_key
         FROM crm_record_history h CROSS JOIN LATERAL jsonb_array_elements(h.changes) WITH ORDINALITY AS c(change, n)
        WHERE h.record_type = ${typeName} AND h.record_id = ${id}::uuid`,
      `SELECT 'comment', c.created_at, c.author_id, c.author_name,
              jsonb_build_object('id', c.id, 'body', c.body, 'notified', to_jsonb(c.notified)),
              to_char(c.created_at AT TIME ZONE 'UTC', ${MICROS}), 'comment:' || c.id
         FROM crm_comments c WHERE c.${recordColumnOf(type)} = ${id}::uuid`,
    ];
    if (type.name !== 'activity') {
      parts.push(
        `SELECT 'activity', a.created_at, a.owner_id, u.username,
                jsonb_build_object('id', a.id, 'kind', a.kind, 'subject', a.subject, 'dueAt', a.due_at, 'done', a.done, 'outcome', a.outcome),
                to_char(a.created_at AT TIME ZONE 'UTC', ${MICROS}), 'activity:' || a.id
           FROM crm_activities a LEFT JOIN users u ON u.id = a.owner_id
          WHERE a.${recordColumnOf(type)} = ${id}::uuid AND ${visibleTo(principal, 'read', sql, 'a')}`,
      );
    }
    const after =
      before === undefined
        ? 'true'
        : `(e.sort_at COLLATE "C", e.sort_key COLLATE "C") < (${sql.add(before.sortAt)}::text COLLATE "C", ${sql.add(before.sortKey)}::text COLLATE "C")`;
    return rowsOf<TimelineRow>(
      await this.dataSource.query(
        `SELECT * FROM (${parts.join('\n UNION ALL \n')}) e WHERE ${after}
          ORDER BY e.sort_at COLLATE "C" DESC, e.sort_key COLLATE "C" DESC LIMIT ${sql.add(limit)}::int`,
        sql.values,
      ),
    );
  }

  /** The usernames, team names and campaign names of these ids, in one statement; an id that names nothing is left out. */
  async namesOf(ids: {
    users: readonly string[];
    teams: readonly string[];
    campaigns: readonly string[];
  }): Promise<{ kind: 'user' | 'team' | 'campaign'; id: string; name: string }[]> {
    return rowsOf<{ kind: 'user' | 'team' | 'campaign'; id: string; name: string }>(
      await this.dataSource.query(
        `SELECT 'user' AS kind, u.id::text AS id, u.username AS name FROM users u WHERE u.id = ANY($1::uuid[])
         UNION ALL SELECT 'team', t.id::text, t.name FROM teams t WHERE t.id = ANY($2::uuid[])
         UNION ALL SELECT 'campaign', c.id::text, c.name FROM crm_campaigns c WHERE c.id = ANY($3::uuid[])`,
        [ids.users, ids.teams, ids.campaigns],
      ),
    );
  }
}
