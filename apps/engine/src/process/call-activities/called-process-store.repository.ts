// The rows that tie a call activity to its child, read by its job handlers: `called_processes`
// (written by the parent's commands) and the escalations the child did not catch
// (`called_process_escalations`, written by the child's commands; a delivery row each once the
// parent has had it). Their writes are the commands' (correlation SQL builders).
import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  callRecordOf,
  pendingEscalationOf,
  type CalledProcessEscalationRow,
  type CalledProcessRow,
  type CallRecord,
  type PendingEscalation,
} from './called-process.row.js';

export type { CallRecord, CallState, PendingEscalation } from './called-process.row.js';

@Injectable()
export class CalledProcessStoreRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('the PostgreSQL pool is not open');
    return pool;
  }

  async call(callId: string): Promise<CallRecord | undefined> {
    const result = await this.pool.query<Omit<CalledProcessRow, 'created_at'>>(
      'SELECT call_id, parent_instance_id, element_id, process_key, child_instance_id, state FROM called_processes WHERE call_id = $1',
      [callId],
    );
    const row = result.rows[0];
    return row ? callRecordOf(row) : undefined;
  }

  /** The child's escalations not yet delivered to the parent, in the order they were thrown. */
  async undeliveredEscalations(callId: string): Promise<PendingEscalation[]> {
    const result = await this.pool.query<Pick<CalledProcessEscalationRow, 'id' | 'escalation_code'>>(
      `SELECT e.id, e.escalation_code FROM called_process_escalations e
        WHERE e.call_id = $1 AND NOT EXISTS (SELECT 1 FROM called_process_escalation_deliveries d WHERE d.escalation_id = e.id)
        ORDER BY e.seq`,
      [callId],
    );
    return result.rows.map(pendingEscalationOf);
  }
}
