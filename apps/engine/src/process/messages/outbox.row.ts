// `outbox`: messages thrown by instances, written by the command that threw them; the row as
// PostgreSQL returns it and the entry integrations read.

export interface OutboxRow {
  id: string;
  process_instance_id: string;
  element_id: string;
  kind: 'message';
  name: string;
  correlation_key: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
}

export interface OutboxEntry {
  id: string;
  processInstanceId: string;
  elementId: string;
  kind: 'message';
  name: string;
  correlationKey: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

export function outboxEntryOf(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    processInstanceId: row.process_instance_id,
    elementId: row.element_id,
    kind: row.kind,
    name: row.name,
    correlationKey: row.correlation_key,
    payload: row.payload,
    createdAt: row.created_at.toISOString(),
  };
}
