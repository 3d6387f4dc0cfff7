// The rows that tie a call activity to its child: `called_processes` (written by the parent's
// commands), the child's `parent_instance_id` / `parent_call_id`, and the escalations the child
// did not catch (`called_process_escalations`, written by the child's commands; a delivery row
// each once the parent has had it).
import { Injectable } from '@nestjs/common';
import type { Variables } from '@stageflow/bpmn-runtime';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

export type CallState = 'pending' | 'started' | 'cancelled' | 'ended';

export interface CallRecord {
  callId: string;
  parentInstanceId: string;
  elementId: string;
  processKey: string;
  childInstanceId: string | null;
  state: CallState;
}

/** An escalation of the child that the parent's call activity has not had yet. */
export interface PendingEscalation {
  id: string;
  escalationCode: string;
}

@Injectable()
export class CalledProcessStoreRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('the PostgreSQL pool is not open');
    return pool;
  }

  async call(callId: string): Promise<CallRecord | undefined> {
    const result = await this.pool.query<{
      call_id: string;
      parent_instance_id: string;
      element_id: string;
      process_key: string;
      child_instance_id: string | null;
      state: CallState;
    }>('SELECT call_id, parent_instance_id, element_id, process_key, child_instance_id, state FROM called_processes WHERE call_id = $1', [callId]);
    const row = result.rows[0];
    return row
      ? {
          callId: row.call_id,
          parentInstanceId: row.parent_instance_id,
          elementId: row.element_id,
          processKey: row.process_key,
          childInstanceId: row.child_instance_id,
          state: row.state,
        }
      : undefined;
  }

  /** The variables of an ended child: what completeCalledProcess hands to the parent's output mappings. */
  async variablesOf(instanceId: string): Promise<Variables | undefined> {
    const result = await this.pool.query<{ variables: Variables }>('SELECT variables FROM process_instances WHERE id = $1', [instanceId]);
    return result.rows[0]?.variables;
  }

  /** The child's escalations not yet delivered to the parent, in the order they were thrown. */
  async undeliveredEscalations(callId: string): Promise<PendingEscalation[]> {
    const result = await this.pool.query<{ id: string; escalation_code: string }>(
      `SELECT e.id, e.escalation_code FROM called_process_escalations e
        WHERE e.call_id = $1 AND NOT EXISTS (SELECT 1 FROM called_process_escalation_deliveries d WHERE d.escalation_id = e.id)
        ORDER BY e.seq`,
      [callId],
    );
    return result.rows.map((row) => ({ id: row.id, escalationCode: row.escalation_code }));
  }

  /** The parent link of an instance, when a call activity started it. */
  async parentOf(instanceId: string): Promise<{ parentInstanceId: string; callId: string } | undefined> {
    const result = await this.pool.query<{ parent_instance_id: string | null; parent_call_id: string | null }>(
      'SELECT parent_instance_id, parent_call_id FROM process_instances WHERE id = $1',
      [instanceId],
    );
    const row = result.rows[0];
    return row?.parent_instance_id && row.parent_call_id ? { parentInstanceId: row.parent_instance_id, callId: row.parent_call_id } : undefined;
  }
}
