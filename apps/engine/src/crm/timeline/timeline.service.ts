// A record's timeline (GET /<records>/{id}/timeline): what happened to it, newest first, merged
// from its sources — each asked for the entries before the cursor, at most a page and one more:
// - field changes, stage changes and attachments added or removed: its history (`crm_record_history`);
// - activities on it (the ones the caller sees) and comments: the CRM's tables (timeline.repository.ts);
// - e-mails: the outbox (through EmailOutboxRepository), those sent by its process instances and,
//   for an organization, contact or lead, those to its e-mail addresses;
// - the tasks of its process, created and completed: through ProcessEngine.taskEventsOf;
// - on the page's field changes of id fields, what the ids name as the caller may see it (timeline-names.ts).
// The caller must see the record (404 otherwise); the timeline reads other modules' tables and writes none.
import { Injectable } from '@nestjs/common';
import { RECORD_TYPES, type RecordTypeDefinition } from '@stageflow/api-contract';
import { Invalid } from '../../platform/errors/domain-errors.js';
import type { Principal } from '../../platform/identity/auth/principal.js';
import type { JsonObject } from '../../platform/http/input.js';
import { EmailOutboxRepository } from '../../platform/outbound/email/email-outbox.repository.js';
import type { EmailOutboxRow } from '../../platform/outbound/email/email-outbox.row.js';
import { ProcessEngine, type TaskEvent } from '../../process/index.js';
import { emailKey } from '../records/record-keys.js';
import { visibleRecord } from '../records/record-scope.js';
import { titleOf, toRecordView } from '../records/record-columns.js';
import { RecordsRepository } from '../records/records.repository.js';
import { hasNamedIds, namedIdsOf, withNames, type FoundNames } from './timeline-names.js';
import { TimelineRepository } from './timeline.repository.js';
import { newestFirst, type TimelineEntry, type TimelinePage, type TimelinePosition, type TimelineRow } from './timeline.row.js';

const PAGE = 50;
const MAX_PAGE = 100;
const SORT_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const SORT_KEY = /^[a-z-]+:[0-9a-f:-]{1,60}$/;
/** The record types whose e-mail addresses bring the e-mails sent to them. */
const ADDRESSED = new Set(['organization', 'contact', 'lead']);

type Positioned = TimelineEntry & TimelinePosition;

function decodeCursor(raw: string): TimelinePosition {
  try {
    const cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { at?: unknown; key?: unknown };
    if (typeof cursor.at === 'string' && SORT_AT.test(cursor.at) && typeof cursor.key === 'string' && SORT_KEY.test(cursor.key)) {
      return { sortAt: cursor.at, sortKey: cursor.key };
    }
  } catch {
    // refused below
  }
  throw Invalid.field('cursor', 'is not a cursor of this list (take it from the previous page)');
}

function encodeCursor(position: TimelinePosition): string {
  return Buffer.from(JSON.stringify({ at: position.sortAt, key: position.sortKey })).toString('base64url');
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

function actorOf(id: string | null, name: string | null): TimelineEntry['actor'] {
  return name === null ? undefined : { id, name };
}

/** An entry of the CRM part: a history change, an activity or a comment. */
export function entryOfRow(row: TimelineRow): Positioned {
  const base = {
    at: row.at.toISOString(),
    sortAt: row.sort_at,
    sortKey: row.sort_key,
    ...(row.actor_name === null ? {} : { actor: actorOf(row.actor_id, row.actor_name) }),
  };
  const details = row.details;
  if (row.kind === 'comment') {
    return { ...base, kind: 'comment', summary: excerpt(String(details.body ?? '')), details, ref: { type: 'comment', id: String(details.id) } };
  }
  if (row.kind === 'activity') {
    const id = String(details.id);
    return {
      ...base,
      kind: 'activity',
      summary: `${String(details.kind)}: ${String(details.subject)}`,
      details,
      ref: { type: 'activity', id, href: `/api/v1/activities/${id}` },
    };
  }
  const change = details.change as { field: string; old: unknown; new: unknown };
  const origin = { source: details.source, sourceName: details.sourceName, reason: details.reason };
  if (change.field === 'attachments') {
    const added = change.new !== null && change.new !== undefined;
    const file = (added ? change.new : change.old) as { id?: string; fileName?: string; contentType?: string; size?: number } | null;
    const id = String(file?.id ?? '');
    return {
      ...base,
      kind: 'attachment',
      summary: `${added ? 'attached' : 'removed'} ${file?.fileName ?? 'a file'}`,
      details: { action: added ? 'added' : 'removed', attachment: file, ...origin },
      ...(id ? { ref: { type: 'attachment', id, ...(added ? { href: `/api/v1/attachments/${id}` } : {}) } } : {}),
    };
  }
  const kind = change.field === 'stage' ? 'stage-change' : 'field-change';
  const summary =
    kind === 'stage-change' ? `stage ${shown(change.old)} → ${shown(change.new)}` : `${change.field}: ${shown(change.old)} → ${shown(change.new)}`;
  return { ...base, kind, summary, details: { field: change.field, old: change.old, new: change.new, ...origin } };
}

export function entryOfEmail(row: EmailOutboxRow & TimelinePosition): Positioned {
  return {
    at: row.created_at.toISOString(),
    sortAt: row.sortAt,
    sortKey: row.sortKey,
    kind: 'email',
    summary: `e-mail to ${row.to_address}: ${excerpt(row.subject)}`,
    details: {
      to: row.to_address,
      subject: row.subject,
      status: row.status,
      sentAt: row.sent_at?.toISOString() ?? null,
      processInstanceId: row.process_instance_id,
    },
    ref: { type: 'email', id: row.id },
  };
}

export function entryOfTask(event: TaskEvent): Positioned {
  const name = event.name ?? event.elementId;
  return {
    at: event.at,
    sortAt: event.sortAt,
    sortKey: event.sortKey,
    kind: event.kind,
    ...(event.kind === 'task-completed' && event.completedBy !== null ? { actor: { id: null, name: event.completedBy } } : {}),
    summary: event.kind === 'task-created' ? `task "${name}" created` : `task "${name}" completed`,
    details: { taskId: event.taskId, name: event.name, elementId: event.elementId, processInstanceId: event.processInstanceId, assignee: event.assignee },
    ref: { type: 'task', id: event.taskId, href: `/api/v1/tasks/${event.taskId}` },
  };
}

@Injectable()
export class TimelineService {
  constructor(
    private readonly timeline: TimelineRepository,
    private readonly records: RecordsRepository,
    private readonly emails: EmailOutboxRepository,
    private readonly engine: ProcessEngine,
  ) {}

  async of(principal: Principal, type: RecordTypeDefinition, recordId: string, query: JsonObject): Promise<TimelinePage> {
    for (const key of Object.keys(query)) if (key !== 'cursor' && key !== 'limit') throw Invalid.field(key, 'is not a parameter of this list');
    const limit = query.limit === undefined ? PAGE : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw Invalid.field('limit', `must be an integer between 1 and ${MAX_PAGE}`);
    if (query.cursor !== undefined && typeof query.cursor !== 'string') throw Invalid.field('cursor', 'must be given once');
    const before = typeof query.cursor === 'string' ? decodeCursor(query.cursor) : undefined;

    const record = await visibleRecord(this.records, principal, type, 'read', recordId);
    const businessKey = `${type.name}:${recordId}`;
    const { items: instances } = await this.engine.instancesOf(businessKey);
    const emails = ADDRESSED.has(type.name) && Array.isArray(record.emails) ? (record.emails as string[]).map(emailKey) : [];

    const [rows, emailRows, tasks] = await Promise.all([
      this.timeline.ofRecord(type, recordId, principal, before, limit + 1),
      this.emails.aboutRecord({ processInstanceIds: instances.map((instance) => instance.id), addresses: emails }, before, limit + 1),
      this.engine.taskEventsOf(businessKey, before, limit + 1),
    ]);
    const merged = [
      ...rows.map(entryOfRow),
      ...emailRows.map((row) => entryOfEmail({ ...row, sortAt: row.sort_at, sortKey: row.sort_key })),
      ...tasks.map(entryOfTask),
    ].sort(newestFirst);
    const page = merged.slice(0, limit);
    const last = page[page.length - 1];
    const entries = page.map(({ sortAt: _at, sortKey: _key, ...entry }) => entry);
    return {
      items: await this.named(principal, type, entries),
      nextCursor: merged.length > limit && last ? encodeCursor(last) : null,
    };
  }

  /** The page with the names behind its field changes' ids: one statement for users, teams and campaigns, one per record type with the caller's visibility. */
  private async named(principal: Principal, type: RecordTypeDefinition, entries: TimelineEntry[]): Promise<TimelineEntry[]> {
    const ids = namedIdsOf(type, entries);
    if (!hasNamedIds(ids)) return entries;
    const found: FoundNames = { users: new Map(), teams: new Map(), campaigns: new Map(), records: new Map() };
    await Promise.all([
      this.timeline.namesOf({ users: [...ids.users], teams: [...ids.teams], campaigns: [...ids.campaigns] }).then((rows) => {
        for (const row of rows) (row.kind === 'user' ? found.users : row.kind === 'team' ? found.teams : found.campaigns).set(row.id, row.name);
      }),
      ...[...ids.records].map(async ([name, recordIds]) => {
        const recordType = RECORD_TYPES[name];
        for (const row of await this.records.findVisibleByIds(recordType, principal, [...recordIds])) {
          found.records.set(`${name}:${row.id}`, titleOf(recordType, toRecordView(recordType, row)));
        }
      }),
    ]);
    return withNames(type, entries, found, shown);
  }
}
