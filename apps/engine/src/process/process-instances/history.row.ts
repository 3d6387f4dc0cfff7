// `history`: the audit trail, one row per event (a view over `history_log`, which holds one row
// per write, migration 1732260000210; `id` gives the exact order). Appended by the command write
// and by HistoryRepository; read by HistoryRepository.

export type HistoryEventKind =
  | 'entered'
  | 'left'
  | 'taken'
  | 'task-created'
  | 'task-completed'
  | 'task-cancelled'
  | 'task-claimed'
  | 'task-unclaimed'
  | 'task-assigned'
  | 'variables-changed'
  | 'variables-edited'
  | 'incident'
  | 'incident-resolved'
  | 'timer-scheduled'
  | 'timer-cancelled'
  | 'timer-fired'
  | 'async-scheduled'
  | 'message-subscribed'
  | 'message-correlated'
  | 'message-thrown'
  | 'signal-subscribed'
  | 'signal-thrown'
  | 'called-process-started'
  | 'called-process-cancelled'
  | 'called-process-escalated'
  | 'action-requested'
  | 'action-cancelled'
  | 'action-completed'
  | 'action-failed'
  | 'error-uncaught'
  | 'escalation-uncaught'
  | 'instance-completed'
  | 'instance-terminated'
  | 'instance-cancelled';

export interface HistoryRow {
  /** bigint, as pg returns it: a string. */
  id: string;
  process_instance_id: string;
  element_id: string | null;
  element_type: string | null;
  event: string;
  at: Date;
  payload: Record<string, unknown> | null;
}

export interface HistoryView {
  id: string;
  elementId: string | null;
  type: string | null;
  event: string;
  at: string;
  payload: Record<string, unknown> | null;
}

export function historyViewOf(row: HistoryRow): HistoryView {
  return { id: String(row.id), elementId: row.element_id, type: row.element_type, event: row.event, at: row.at.toISOString(), payload: row.payload };
}
