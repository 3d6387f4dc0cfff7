// What a territory rule set sees of a record, and which record fields it reads (pure).
//
// Facts of a record: every field of its view by name (`industry`, `channel`, `ownerId`, `custom`…),
// `record` (the whole view, for `path`s such as `$.industry` or `$.custom.segment`, as processes see
// it) and `recordType` (`organization`, `contact` or `lead`).
import type { RecordTypeName } from '@stageflow/api-contract';
import type { FactRead } from '../../process/index.js';

/** The record types the territory rule sets place. */
export const PLACED_TYPES: readonly RecordTypeName[] = ['organization', 'contact', 'lead'];

/** Facts that never change with a record's fields. */
const FIXED_FACTS = new Set(['recordType', '$now']);

export function recordFacts(type: RecordTypeName, view: Record<string, unknown>): Record<string, unknown> {
  return { ...view, record: view, recordType: type };
}

/**
 * The fields of a record (names of its view) that `reads` depend on: a plain fact names a field;
 * `record` at `$.x…` reads `x` (`$.custom.segment`: `custom`); `record` without a path reads every
 * field (`'all'`). Facts that are neither a field nor `record` read nothing of the record.
 */
export function fieldsRead(reads: readonly FactRead[], fields: readonly string[]): ReadonlySet<string> | 'all' {
  const read = new Set<string>();
  for (const { fact, path } of reads) {
    if (FIXED_FACTS.has(fact)) continue;
    if (fact === 'record') {
      const first = path === undefined ? undefined : /^\$\.([^.[]+)/.exec(path)?.[1];
      if (first === undefined) return 'all';
      read.add(first);
    } else if (fields.includes(fact)) {
      read.add(fact);
    }
  }
  return read;
}

/** Whether a write that changed `changed` (API field names) can move the record to another territory. */
export function territoryMayChange(reads: readonly FactRead[], fields: readonly string[], changed: readonly string[]): boolean {
  const read = fieldsRead(reads, fields);
  return read === 'all' ? changed.length > 0 : changed.some((field) => read.has(field));
}
