// For service specs: HistoryRepository as an array of the entries appended.
import type { HistoryRow } from './history.row.js';
import type { HistoryEntry, HistoryRepository } from './history.repository.js';

export class FakeHistoryRepository implements Pick<HistoryRepository, keyof HistoryRepository> {
  readonly entries: HistoryEntry[] = [];

  async append(entries: readonly HistoryEntry[]): Promise<void> {
    this.entries.push(...entries);
  }

  async ofInstance(processInstanceId: string): Promise<HistoryRow[]> {
    return this.entries
      .filter((entry) => entry.processInstanceId === processInstanceId)
      .map((entry, index) => ({
        id: String(index + 1),
        process_instance_id: entry.processInstanceId,
        element_id: entry.elementId,
        element_type: entry.elementType,
        event: entry.event,
        at: new Date('2026-01-01T00:00:00Z'),
        payload: entry.payload as Record<string, unknown>,
      }));
  }

  /** Replaces every match of `pattern` (a regular expression, case-insensitive) in the payloads of these instances. */
  async scrub(processInstanceIds: readonly string[], pattern: string, replacement: string): Promise<void> {
    const regex = new RegExp(pattern, 'gi');
    for (const entry of this.entries) {
      if (processInstanceIds.includes(entry.processInstanceId)) entry.payload = JSON.parse(JSON.stringify(entry.payload).replace(regex, replacement)) as object;
    }
  }
}
