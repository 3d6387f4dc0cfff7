// The seller's day as the record tables hold it: the day in a time zone by the database clock, the
// caller's activities due by its end, their meetings of the day, their open opportunities. Reads
// only (the records module writes these tables), each bounded.
import { Injectable } from '@nestjs/common';
import { activityType, opportunityType } from '@stageflow/api-contract';
import { DataSource } from 'typeorm';
import type { Queryable } from '../../platform/database/queryable.js';
import { rowsOf } from '../../platform/database/query-rows.js';
import { selectList, type RecordRow } from '../records/record-columns.js';

export const AGENDA_LIMIT = 200;

export interface AgendaDay {
  now: Date;
  start: Date;
  end: Date;
}

@Injectable()
export class AgendaRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Now and today's bounds in `timeZone` (an IANA name PostgreSQL knows), by the database clock; DST-safe. */
  async day(timeZone: string, db: Queryable = this.dataSource): Promise<AgendaDay> {
    const rows = rowsOf<AgendaDay>(
      await db.query(
        `SELECT now() AS now, date_trunc('day', now() AT TIME ZONE $1) AT TIME ZONE $1 AS start,
                (date_trunc('day', now() AT TIME ZONE $1) + interval '1 day') AT TIME ZONE $1 AS end`,
        [timeZone],
      ),
    );
    return rows[0]!;
  }

  /** The owner's activities not done and due before `end` (today's and overdue), soonest first. */
  async openActivitiesDueBefore(ownerId: string, end: Date, db: Queryable = this.dataSource): Promise<RecordRow[]> {
    return rowsOf<RecordRow>(
      await db.query(
        `SELECT ${selectList(activityType)} FROM crm_activities r
          WHERE r.owner_id = $1::uuid AND r.done IS NOT TRUE AND r.due_at < $2::timestamptz
          ORDER BY r.due_at, r.id LIMIT ${AGENDA_LIMIT}`,
        [ownerId, end],
      ),
    );
  }

  /** The owner's meetings in [start, end), done or not, in time order. */
  async meetingsBetween(ownerId: string, start: Date, end: Date, db: Queryable = this.dataSource): Promise<RecordRow[]> {
    return rowsOf<RecordRow>(
      await db.query(
        `SELECT ${selectList(activityType)} FROM crm_activities r
          WHERE r.owner_id = $1::uuid AND r.kind = 'meeting' AND r.due_at >= $2::timestamptz AND r.due_at < $3::timestamptz
          ORDER BY r.due_at, r.id LIMIT ${AGENDA_LIMIT}`,
        [ownerId, start, end],
      ),
    );
  }

  /** The owner's open opportunities (no outcome), by next-contact date (none last). */
  async openOpportunities(ownerId: string, db: Queryable = this.dataSource): Promise<RecordRow[]> {
    return rowsOf<RecordRow>(
      await db.query(
        `SELECT ${selectList(opportunityType)} FROM crm_opportunities r
          WHERE r.owner_id = $1::uuid AND r.outcome IS NULL
          ORDER BY r.next_contact_at NULLS LAST, r.id LIMIT ${AGENDA_LIMIT}`,
        [ownerId],
      ),
    );
  }
}
