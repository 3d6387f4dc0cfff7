// The names behind the ids a record's field changes hold — its owner (a user), its team, its
// campaign, the records it names (organization, contact, lead, parent) — so the timeline says
// "Owner: sara → max" and "Organization: Acme → Nordwind", not two uuids. The engine answers them
// because it alone may: a seller cannot list users, and whether they may see a record is the
// visibility rule, applied here as in every read (RecordsRepository.findVisibleByIds). A record the
// caller may not see is answered as `{name: null, visible: false}` and its title is never read into
// the answer. Enum values and catalog keys are left to the client: their labels are words the web
// app owns (i18n) or reads once for all records (GET /catalogs/{catalog}).
import type { RecordTypeDefinition, RecordTypeName, TimelineNameView, TimelineNamesView } from '@stageflow/api-contract';
import type { TimelineEntry } from './timeline.row.js';

/** The id kinds a field of a record type may hold. */
type NamedKind = 'user' | 'team' | 'campaign';

/** The ids of one page's field changes, by what they name. */
export interface NamedIds {
  users: Set<string>;
  teams: Set<string>;
  campaigns: Set<string>;
  records: Map<RecordTypeName, Set<string>>;
}

/** What the ids name, as the caller may see it: names by id per kind, visible records' titles by `<type>:<id>`. */
export interface FoundNames {
  users: Map<string, string>;
  teams: Map<string, string>;
  campaigns: Map<string, string>;
  records: Map<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Shown in the summary for a record the caller may not see. */
export const HIDDEN_RECORD = 'a record you may not see';

type Reference = { kind: NamedKind } | { kind: 'record'; recordType: RecordTypeName };

function referenceOf(type: RecordTypeDefinition, field: string): Reference | undefined {
  const definition = type.fields.find((candidate) => candidate.name === field);
  if (definition === undefined) return undefined;
  if (definition.kind === 'record' && definition.recordType !== undefined) return { kind: 'record', recordType: definition.recordType };
  if (definition.kind === 'user' || definition.kind === 'team' || definition.kind === 'campaign') return { kind: definition.kind };
  return undefined;
}

function changeOf(entry: TimelineEntry): { field: string; old: unknown; new: unknown } | undefined {
  if (entry.kind !== 'field-change' || typeof entry.details.field !== 'string') return undefined;
  return { field: entry.details.field, old: entry.details.old, new: entry.details.new };
}

function idOf(value: unknown): string | undefined {
  return typeof value === 'string' && UUID.test(value.toLowerCase()) ? value.toLowerCase() : undefined;
}

/** The ids the page's field changes hold, by what they name: what to read, each once. */
export function namedIdsOf(type: RecordTypeDefinition, entries: readonly TimelineEntry[]): NamedIds {
  const ids: NamedIds = { users: new Set(), teams: new Set(), campaigns: new Set(), records: new Map() };
  for (const entry of entries) {
    const change = changeOf(entry);
    const reference = change && referenceOf(type, change.field);
    if (!change || !reference) continue;
    for (const id of [idOf(change.old), idOf(change.new)]) {
      if (id === undefined) continue;
      if (reference.kind === 'record') ids.records.set(reference.recordType, (ids.records.get(reference.recordType) ?? new Set()).add(id));
      else if (reference.kind === 'user') ids.users.add(id);
      else if (reference.kind === 'team') ids.teams.add(id);
      else ids.campaigns.add(id);
    }
  }
  return ids;
}

export function hasNamedIds(ids: NamedIds): boolean {
  return ids.users.size + ids.teams.size + ids.campaigns.size + ids.records.size > 0;
}

function nameOf(reference: Reference, value: unknown, found: FoundNames): TimelineNameView | null {
  const id = idOf(value);
  if (id === undefined) return null;
  if (reference.kind === 'record') {
    const title = found.records.get(`${reference.recordType}:${id}`);
    return title === undefined ? { name: null, record: null, visible: false } : { name: title, record: { type: reference.recordType, id }, visible: true };
  }
  const names = reference.kind === 'user' ? found.users : reference.kind === 'team' ? found.teams : found.campaigns;
  return { name: names.get(id) ?? null, record: null, visible: true };
}

function shownName(name: TimelineNameView | null, value: unknown, shown: (value: unknown) => string): string {
  if (name === null) return shown(value);
  if (!name.visible) return HIDDEN_RECORD;
  return name.name ?? shown(value);
}

/**
 * The entries with `names` on each field change of an id field, and its summary in those names
 * (`organizationId: Acme → a record you may not see`); other entries as they are.
 */
export function withNames(
  type: RecordTypeDefinition,
  entries: readonly TimelineEntry[],
  found: FoundNames,
  shown: (value: unknown) => string,
): TimelineEntry[] {
  return entries.map((entry) => {
    const change = changeOf(entry);
    const reference = change && referenceOf(type, change.field);
    if (!change || !reference) return entry;
    const names: TimelineNamesView = { old: nameOf(reference, change.old, found), new: nameOf(reference, change.new, found) };
    // The raw ids stay in `details` (an API client may need them); a hidden record's id tells nothing of it.
    return {
      ...entry,
      summary: `${change.field}: ${shownName(names.old, change.old, shown)} → ${shownName(names.new, change.new, shown)}`,
      names,
    };
  });
}
