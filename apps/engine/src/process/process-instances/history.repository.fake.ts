// For service specs: HistoryRepository as an array of the entries appended.
import type { HistoryRow } from './history.row.js';
import type { ElementPassRow, HistoryEntry, HistoryRepository } from './history.repository.js';

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

  async pathOf(processInstanceId: string): Promise<ElementPassRow[]> {
    const passes = new Map<string, ElementPassRow>();
    for (const entry of this.entries) {
      if (entry.processInstanceId !== processInstanceId || entry.elementId === null) continue;
      if (entry.event !== 'entered' && entry.event !== 'left' && entry.event !== 'taken') continue;
      const row = passes.get(entry.elementId) ?? { element_id: entry.elementId, entered: 0, left: 0, taken: 0 };
      row[entry.event] += 1;
      passes.set(entry.elementId, row);
    }
    return [...passes.values()].sort((a, b) => a.element_id.localeCompare(b.element_id));
  }

  /** Replaces every match of `pattern` (a regular expression, case-insensitive) in the payloads of these instances. */
  async scrub(processInstanceIds: readonly string[], pattern: string, replacement: string): Promise<void> {
    const regex = new RegExp(pattern, 'gi');
    for (const entry of this.entries) {
      if (processInstanceIds.includes(entry.processInstanceId)) entry.payload = JSON.parse(JSON.stringify(entry.payload).replace(regex, replacement)) as object;
    }
  }
}
