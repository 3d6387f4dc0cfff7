// A command's history rows as the JSON array one `history_log` row holds (migration
// 1732260000210): in order, each event with only the fields it has — the `history` view reads
// an absent field as NULL.
import type { HistoryRow } from './effects-plan.js';

export function historyEventsJson(rows: readonly HistoryRow[]): string {
  return JSON.stringify(
    rows.map((row) => ({
      event: row.event,
      ...(row.elementId === null ? {} : { elementId: row.elementId }),
      ...(row.elementType === null ? {} : { elementType: row.elementType }),
      ...(row.payload === null ? {} : { payload: row.payload }),
    })),
  );
}
