// `called_processes` (a call activity's call: written by the parent's commands) and
// `called_process_escalations` (escalations the child did not catch: written by the child's
// commands), as PostgreSQL returns them, and what the job handlers see of them.

export type CallState = 'pending' | 'started' | 'cancelled' | 'ended';

export interface CalledProcessRow {
  call_id: string;
  parent_instance_id: string;
  element_id: string;
  process_key: string;
  child_instance_id: string | null;
  state: CallState;
  created_at: Date;
}

export interface CalledProcessEscalationRow {
  id: string;
  /** bigint, as pg returns it: a string. The order they were thrown in. */
  seq: string;
  call_id: string;
  element_id: string;
  escalation_code: string;
  created_at: Date;
}

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

export function callRecordOf(row: Omit<CalledProcessRow, 'created_at'>): CallRecord {
  return {
    callId: row.call_id,
    parentInstanceId: row.parent_instance_id,
    elementId: row.element_id,
    processKey: row.process_key,
    childInstanceId: row.child_instance_id,
    state: row.state,
  };
}

export function pendingEscalationOf(row: Pick<CalledProcessEscalationRow, 'id' | 'escalation_code'>): PendingEscalation {
  return { id: row.id, escalationCode: row.escalation_code };
}
