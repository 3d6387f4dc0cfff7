// `contact_plan_starts`: a plan started on an instance (primary key instance + plan key: a plan
// starts once per instance), written in the action run's transaction.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';
import type { Queryable } from '../../platform/database/queryable.js';
import type { ContactPlanStartRow } from './contact-plan.row.js';

@Injectable()
export class ContactPlanStartsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the start at the database clock; its time, or undefined when the plan had started on the instance already. */
  async start(start: Omit<ContactPlanStartRow, 'started_at'>, tx: Queryable): Promise<Date | undefined> {
    const rows = rowsOf<{ started_at: Date }>(
      await tx.query(
        `INSERT INTO contact_plan_starts (process_instance_id, plan_key, contact_plan_id, element_id, started_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (process_instance_id, plan_key) DO NOTHING RETURNING started_at`,
        [start.process_instance_id, start.plan_key, start.contact_plan_id, start.element_id],
      ),
    );
    return rows[0]?.started_at;
  }

  /** The plans started on an instance, in the order they started. */
  async ofInstance(processInstanceId: string): Promise<ContactPlanStartRow[]> {
    return rowsOf<ContactPlanStartRow>(
      await this.dataSource.query(
        'SELECT process_instance_id, plan_key, contact_plan_id, element_id, started_at FROM contact_plan_starts WHERE process_instance_id = $1 ORDER BY started_at, plan_key',
        [processInstanceId],
      ),
    );
  }
}
