// The reads a stage move needs besides the instance itself: the running instances of a record
// and the open tasks of an instance (diagram tasks and ad-hoc tasks of createTask actions alike).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../platform/database/query-rows.js';

@Injectable()
export class StageMovesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The running instances (active or in an incident) started for `businessKey`, oldest first. */
  async runningInstanceIds(businessKey: string): Promise<string[]> {
    const rows = rowsOf<{ id: string }>(
      await this.dataSource.query(`SELECT id FROM process_instances WHERE business_key = $1 AND status IN ('active', 'incident') ORDER BY created_at, id`, [
        businessKey,
      ]),
    );
    return rows.map((row) => row.id);
  }

  /** The open tasks of an instance: element id and name. */
  async openTasks(processInstanceId: string): Promise<{ id: string; elementId: string; name: string | null }[]> {
    const rows = rowsOf<{ id: string; element_id: string; name: string | null }>(
      await this.dataSource.query(`SELECT id, element_id, name FROM user_tasks WHERE process_instance_id = $1 AND state = 'created' ORDER BY created_at, id`, [
        processInstanceId,
      ]),
    );
    return rows.map((row) => ({ id: row.id, elementId: row.element_id, name: row.name }));
  }
}
