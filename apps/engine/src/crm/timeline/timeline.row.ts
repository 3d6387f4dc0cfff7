// A record's timeline: one list, newest first, of what happened to it — field and stage changes
// and attachments (from its history), activities on it, comments, e-mails about it and the tasks of
// its process. Each source answers rows with a common sort key, merged here.

import type { TimelineEntryView, TimelinePageView } from '@stageflow/api-contract';

/** Where an entry sorts: the time to the microsecond as UTC text (`2026-01-01T10:00:00.123456Z`) and a key unique in the timeline, both compared byte-wise. */
export interface TimelinePosition {
  sortAt: string;
  sortKey: string;
}

/** A row of the CRM part of the timeline (history, activities, comments: timeline.repository.ts). */
export interface TimelineRow {
  kind: 'history' | 'activity' | 'comment';
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  /** history: {id, source, sourceName, reason, change: {field, old, new}}; activity: the activity's fields; comment: {id, body, notified}. */
  details: Record<string, unknown>;
  sort_at: string;
  sort_key: string;
}

/** An entry and a page of the answer: the API contract's (libs/api-contract, timeline.contract.ts). */
export type TimelineEntry = TimelineEntryView;
export type TimelinePage = TimelinePageView;

/** Newest first: the greater position comes first. */
export function newestFirst(a: TimelinePosition, b: TimelinePosition): number {
  if (a.sortAt !== b.sortAt) return a.sortAt < b.sortAt ? 1 : -1;
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? 1 : -1;
  return 0;
}
