// The `settings` table as PostgreSQL answers it, and what a reader gets of a row: its value.
export interface SettingRow {
  key: string;
  value: string;
  created_at: Date;
}

export function toSettingValue(row: Pick<SettingRow, 'value'>): string {
  return row.value;
}
