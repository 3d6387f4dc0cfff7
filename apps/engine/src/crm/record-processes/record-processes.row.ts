// `crm_record_processes`: the process a new record of a type starts, on the latest version of its key.
export interface RecordProcessRow {
  record_type: string;
  process_key: string;
  updated_by: string;
  updated_at: Date;
}

export interface RecordProcessView {
  recordType: string;
  processKey: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

export function toRecordProcessView(recordType: string, row: RecordProcessRow | undefined): RecordProcessView {
  return { recordType, processKey: row?.process_key ?? null, updatedBy: row?.updated_by ?? null, updatedAt: row?.updated_at.toISOString() ?? null };
}
