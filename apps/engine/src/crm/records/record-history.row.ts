// `crm_record_history`: one row per write of a record, holding every field it changed with the
// old and new value, who made it and why (a user, an import, a rule, a process — named).
export type ChangeSource = 'user' | 'import' | 'rule' | 'process' | 'system';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface RecordHistoryRow {
  id: string;
  record_type: string;
  record_id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  source: ChangeSource;
  source_name: string | null;
  reason: string | null;
  changes: FieldChange[];
}

/** One field change as GET /<records>/{id}/history lists it. */
export interface FieldChangeView {
  at: string;
  actor: { id: string | null; name: string };
  source: ChangeSource;
  sourceName: string | null;
  reason: string | null;
  field: string;
  old: unknown;
  new: unknown;
}

export function toFieldChangeViews(row: RecordHistoryRow): FieldChangeView[] {
  return row.changes.map((change) => ({
    at: row.at.toISOString(),
    actor: { id: row.actor_id, name: row.actor_name },
    source: row.source,
    sourceName: row.source_name,
    reason: row.reason,
    field: change.field,
    old: change.old,
    new: change.new,
  }));
}
