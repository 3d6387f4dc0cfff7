// `history`: appended one event per statement (the view's INSTEAD OF trigger stores each as one
// write), on the data source or the caller's transaction; read per instance in order. The command
// write appends its events in its own statement (InstanceStoreRepository); statements that write
// a row and its history event together use HISTORY_INSERT.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { Queryable } from '../../platform/database/queryable.js';
import type { HistoryEventKind, HistoryRow } from './history.row.js';

/** The head of an insert of one event per selected row, for a single statement that writes a row and its event together. */
export const HISTORY_INSERT = 'INSERT INTO history (process_instance_id, element_id, element_type, event, at, payload)';

/** An element's passes in an instance's trail: entered and left (a flow node), taken (a sequence flow). */
export interface ElementPassRow {
  element_id: string;
  entered: number;
  left: number;
  taken: number;
}

export interface HistoryEntry {
  processInstanceId: string;
  elementId: string | null;
  elementType: string | null;
  event: HistoryEventKind | `contact-plan-${string}`;
  payload: object;
}

@Injectable()
export class HistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends the entries in order, each at the database clock, on `db` (the caller's transaction) when given. */
  async append(entries: readonly HistoryEntry[], db: Queryable = this.dataSource): Promise<void> {
    for (const entry of entries) {
      await db.query(`${HISTORY_INSERT} VALUES ($1, $2, $3, $4, now(), $5::jsonb)`, [
        entry.processInstanceId,
        entry.elementId,
        entry.elementType,
        entry.event,
        JSON.stringify(entry.payload),
      ]);
    }
  }

  /** The events of an instance, oldest first. */
  async ofInstance(processInstanceId: string): Promise<HistoryRow[]> {
    return rowsOf<HistoryRow>(
      await this.dataSource.query(
        'SELECT id, process_instance_id, element_id, element_type, event, at, payload FROM history WHERE process_instance_id = $1 ORDER BY id',
        [processInstanceId],
      ),
    );
  }

  /**
   * How often each element was entered and left and each sequence flow taken, over the instance's
   * whole trail (a loop or a retried element counts each time): one aggregate.
   */
  async pathOf(processInstanceId: string): Promise<ElementPassRow[]> {
    return rowsOf<ElementPassRow>(
      await this.dataSource.query(
        `SELECT element_id, count(*) FILTER (WHERE event = 'entered')::int AS entered, count(*) FILTER (WHERE event = 'left')::int AS left,
                count(*) FILTER (WHERE event = 'taken')::int AS taken
           FROM history WHERE process_instance_id = $1 AND event IN ('entered', 'left', 'taken') AND element_id IS NOT NULL
          GROUP BY element_id ORDER BY element_id`,
        [processInstanceId],
      ),
    );
  }

  /** Personal data: replaces every text matching `pattern` (case-insensitive) in the trail of these instances with `replacement`. */
  async scrub(processInstanceIds: readonly string[], pattern: string, replacement: string, tx: Queryable): Promise<void> {
    await tx.query(
      `UPDATE history_log SET events = regexp_replace(events::text, $2, $3, 'gi')::jsonb
        WHERE process_instance_id = ANY($1::uuid[]) AND events::text ~* $2`,
      [processInstanceIds, pattern, replacement],
    );
  }
}
